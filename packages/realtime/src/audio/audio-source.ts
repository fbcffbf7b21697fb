// Reads any audio source as byte chunks: bytes, a web ReadableStream, or an async iterable (a Node stream is
// one). Stopping early cancels the source: a stream is cancelled, an iterator returned (a Node stream destroyed).

/** Audio to send: bytes, a web `ReadableStream`, or any (async) iterable of bytes, a Node stream included. */
export type AudioSource =
  | Uint8Array
  | ArrayBuffer
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>
  | Iterable<Uint8Array>;

function asBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError(
    `audio chunks must be bytes, got ${typeof chunk === "string" ? "a string (a stream with an encoding set?)" : typeof chunk}`,
  );
}

async function* fromReadableStream(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  // A reader rather than `for await`: Safari's ReadableStream is not async-iterable.
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield asBytes(value);
    }
  } catch (error) {
    finished = true; // an errored stream needs no cancel
    throw error;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** The chunks of `source`, in order; a `return()` of the generator cancels the source. */
export async function* audioChunks(source: AudioSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) {
    yield asBytes(source);
    return;
  }
  if (typeof (source as ReadableStream).getReader === "function") {
    yield* fromReadableStream(source as ReadableStream<Uint8Array>);
    return;
  }
  if (Symbol.asyncIterator in source || Symbol.iterator in source) {
    for await (const chunk of source as AsyncIterable<unknown>) yield asBytes(chunk);
    return;
  }
  throw new TypeError("audio source must be bytes, a ReadableStream or an (async) iterable of bytes");
}
