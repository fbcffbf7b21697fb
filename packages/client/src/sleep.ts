// The wait between retries and polls: abortable, listener-free once settled, never a hot loop.
/**
 * Waits `ms`, or rejects with `signal.reason` as soon as the signal aborts. The abort listener is removed on
 * both paths, so a long-lived signal collects no listeners.
 */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, clampDelay(ms));
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** setTimeout treats anything above 2^31-1 ms as 1 ms, which would turn a long wait into a hot loop. */
export function clampDelay(ms: number): number {
  if (!Number.isFinite(ms)) return ms > 0 ? 2_147_483_647 : 0;
  return Math.min(Math.max(0, ms), 2_147_483_647);
}
