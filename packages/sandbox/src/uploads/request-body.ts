// The request body outside the parser: msw's logging copy let go, and the rest read away after a refusal.
import { RequestHandler } from "msw";

/**
 * msw clones every request it hands to a resolver, so that its log can read the body again
 * (`RequestHandler.run` → `cloneRequestOrGetFromCache`, kept in the public static `RequestHandler.cache`).
 * A clone is a `tee()`, and a tee keeps every chunk one branch reads until the other branch reads it too:
 * a 1 GiB upload would sit in memory whole. Cancelling the clone's branch ends that; the source keeps
 * flowing to the request the handler reads (a tee cancels its source only when both branches cancel).
 * Afterwards msw's log shows the request with an empty body.
 */
export function releaseLogCopy(request: Request): void {
  // `?.`: the peer range reaches msw versions that may clone without keeping the copy here.
  const copy = RequestHandler.cache?.get(request);
  if (copy?.body && !copy.bodyUsed) copy.body.cancel().catch(() => {});
}

/**
 * Reads the rest of a refused body and drops it, in the background, so the answer can go out at once.
 * Not `cancel()`: over HTTP the body is fed from the socket, and the server decides when to stop reading
 * it (the refusal closes the connection); reading on keeps what is still arriving from queueing up.
 */
export function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  void (async () => {
    try {
      while (!(await reader.read()).done);
    } catch {
      // The connection went away: nothing is left to read.
    }
  })();
}
