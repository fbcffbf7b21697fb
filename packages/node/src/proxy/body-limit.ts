// A request body that may not grow past a limit while it streams through the proxy.

/** Thrown into the upstream body when the limit is passed; the proxy answers 413. */
export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
}

/**
 * `body`, passed on chunk by chunk, failing with BodyTooLargeError once more than `maxBytes` went through.
 * Nothing is buffered: a client that sends too much is cut off as soon as it does.
 */
export function limitBody(body: ReadableStream<Uint8Array>, maxBytes: number): ReadableStream<Uint8Array> {
  let bytes = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        if (bytes > maxBytes) controller.error(new BodyTooLargeError(`more than ${maxBytes} bytes`));
        else controller.enqueue(chunk);
      },
    }),
  );
}
