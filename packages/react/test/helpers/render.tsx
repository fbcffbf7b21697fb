// Renders a hook inside QueryClientProvider and CambProvider on the sandbox, plus fake-time helpers.
import { type CambClient, createCambClient } from "@camb-kit/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, type RenderHookOptions, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { vi } from "vitest";
import { CambProvider } from "../../src/index.js";
import { BASE_URL } from "./sandbox-server.js";

/** A client on the sandbox, without retries so every request the tests count is one the hook made. */
export function testClient(apiKey = "test-key"): CambClient {
  return createCambClient({ apiKey, baseUrl: BASE_URL, retry: false });
}

/** renderHook inside the providers an app would have: its own QueryClient, then CambProvider. */
export function renderCambHook<Result, Props>(
  hook: (props: Props) => Result,
  options: RenderHookOptions<Props> & { client?: CambClient; queryClient?: QueryClient } = {},
) {
  const queryClient =
    options.queryClient ??
    new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  const client = options.client ?? testClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <CambProvider client={client}>{children}</CambProvider>
    </QueryClientProvider>
  );
  return { ...renderHook(hook, { ...options, wrapper }), queryClient, client };
}

/**
 * Fake time for timers and Date only: msw answers and fetch bodies are read on Node's own event loop
 * (setImmediate, I/O), which must keep running for a response to arrive at a given fake instant.
 */
export function fakeTime(): void {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
}

/**
 * Moves fake time forward by `ms`, then lets every response, promise and React update that this unblocked
 * settle, without moving the clock further: a few turns of the real event loop (for fetch), each followed by
 * the timers due now (TanStack Query batches its notifications with setTimeout 0).
 */
export async function advance(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
    for (let turn = 0; turn < 20; turn++) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(0);
    }
  });
}
