/**
 * A ReadableStream that produces the next chunk only when the consumer asks for one (highWaterMark 0), so a
 * slow reader throttles generation and nothing piles up in memory however long the audio is.
 */
export function pullStream(
  chunks: AsyncIterator<Uint8Array> | Iterator<Uint8Array>,
): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await chunks.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}
