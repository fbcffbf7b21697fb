/** An internal signal that follows the given ones, and a `dispose` that detaches it from them. */
export interface LinkedSignal {
  signal: AbortSignal;
  dispose(): void;
}

/**
 * Links the caller's signal (and any internal stop signal) to one controller owned by the wait. Requests and
 * sleeps listen to that controller only, so however many polls run, the caller's long-lived signal carries at
 * most one listener of ours, and `dispose` removes it on every path. This matters because fetch
 * implementations (undici among them) leave their own listener on a request's signal after the response.
 * (`AbortSignal.any` is not used: its links are released by garbage collection, not deterministically.)
 */
export function linkSignals(sources: ReadonlyArray<AbortSignal | undefined>): LinkedSignal {
  const controller = new AbortController();
  const detach: Array<() => void> = [];
  for (const source of sources) {
    if (!source) continue;
    if (source.aborted) {
      controller.abort(source.reason);
      break;
    }
    const onAbort = () => controller.abort(source.reason);
    source.addEventListener("abort", onAbort, { once: true });
    detach.push(() => source.removeEventListener("abort", onAbort));
  }
  return {
    signal: controller.signal,
    dispose() {
      for (const remove of detach) remove();
      // Anything a check left running is cancelled once the wait is over.
      if (!controller.signal.aborted) controller.abort(new DOMException("The wait has ended", "AbortError"));
    },
  };
}
