// Vitest setup for the hook tests: msw listening, cleanup after each test, Query notifications on microtasks.
import { notifyManager } from "@tanstack/react-query";
import { cleanup } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { server } from "./sandbox-server.js";

// TanStack Query batches its notifications with setTimeout(0); under fake timers that would tie every
// state change to a clock tick. A microtask keeps the batching and makes "the answer arrived" observable
// at the fake instant it arrived.
notifyManager.setScheduler(queueMicrotask);

// Testing Library only cleans up on its own when test globals are enabled; they are not here.
afterEach(() => {
  cleanup();
  server.resetHandlers();
  vi.useRealTimers();
  vi.restoreAllMocks();
});
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
