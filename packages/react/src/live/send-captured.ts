// Sends captured audio chunks to a session as they come, one at a time: each send waits while the
// connection is behind, and the capture's bounded queue (microphone.ts) fails rather than grow.

/** Reads `chunks` to their end, sending each; rejects with the first read, capture or send failure. */
export async function sendCaptured(
  chunks: ReadableStream<Uint8Array>,
  send: (chunk: Uint8Array) => Promise<void>,
): Promise<void> {
  const reader = chunks.getReader();
  // A capture that fails (its backlog overflowed) while a send waits on a stalled link must still end the
  // pump: the send alone might never settle.
  const failed = reader.closed.then(
    () => new Promise<never>(() => {}),
    (error: unknown) => Promise.reject(error),
  );
  failed.catch(() => {});
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      await Promise.race([send(value), failed]);
    }
  } catch (error) {
    await reader.cancel(error).catch(() => {});
    throw error;
  } finally {
    reader.releaseLock();
  }
}
