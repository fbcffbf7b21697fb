// Links the caller's signal to an internal controller with one listener, removed when the wait ends.
/**
 * Makes `controller` abort when `source` does; the returned function detaches it again and aborts the
 * controller, cancelling anything still running on it once the wait is over.
 *
 * Requests and sleeps listen to the controller only, so however many polls run, the caller's long-lived
 * signal carries at most one listener of ours, removed on every path. This matters because fetch
 * implementations (undici among them) leave their own listener on a request's signal after the response.
 * (`AbortSignal.any` is not used: its links are released by garbage collection, not deterministically.)
 */
export function followSignal(source: AbortSignal | undefined, controller: AbortController): () => void {
  const onAbort = () => controller.abort(source?.reason);
  source?.addEventListener("abort", onAbort, { once: true });
  if (source?.aborted) onAbort();
  return () => {
    source?.removeEventListener("abort", onAbort);
    // A no-op when the controller was already aborted (by the source, or by watchTask's return()).
    controller.abort(new DOMException("The wait has ended", "AbortError"));
  };
}
