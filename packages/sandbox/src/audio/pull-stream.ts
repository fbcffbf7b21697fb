// Turns audio chunk generators into pull-driven ReadableStreams that yield to I/O so bytes reach the network.
/**
 * One turn of the event loop. The audio generators are CPU-bound (synthesis, MP3 encoding) and resolve
 * without touching I/O, so a chain of pulls would run entirely as microtasks and starve the socket: over
 * HTTP nothing would leave until the whole audio had been generated (a 60 s MP3 answered after ~6 s, in one
 * burst). setImmediate where it exists (Node; setTimeout(0) would clamp to 1 ms a chunk), else a
 * MessageChannel (browsers, where msw runs the handlers in the page).
 */
function nextTurn(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  if (immediate) return new Promise((resolve) => immediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/** Longest stretch of generation without letting I/O run: short enough for streaming, long enough to be cheap. */
const MAX_BUSY_MS = 8;

/**
 * A ReadableStream that produces the next chunk only when the consumer asks for one (highWaterMark 0), so a
 * slow reader throttles generation and nothing piles up in memory however long the audio is. After every
 * ~8 ms of generation it waits for a turn of the event loop, so what was already written reaches the network.
 */
export function pullStream(
  chunks: AsyncIterator<Uint8Array> | Iterator<Uint8Array>,
): ReadableStream<Uint8Array> {
  let lastTurn = performance.now();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (performance.now() - lastTurn > MAX_BUSY_MS) {
          await nextTurn();
          lastTurn = performance.now();
        }
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
