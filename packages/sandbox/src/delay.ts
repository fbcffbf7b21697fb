// An abortable wait for latency and stall faults, on the global setTimeout so fake timers control it.

/** Resolves after `ms` through the global `setTimeout`, so fake timers control it. Aborts early on `signal`. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
