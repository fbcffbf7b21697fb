// Records the signal of every request the page sends through the global fetch, however it is called
// (a Request, or a URL and an init), so a test can see a request aborted.
import { vi } from "vitest";

export function spyOnFetchSignals(): AbortSignal[] {
  const signals: AbortSignal[] = [];
  const original = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    if (signal) signals.push(signal);
    return original(input, init);
  });
  return signals;
}
