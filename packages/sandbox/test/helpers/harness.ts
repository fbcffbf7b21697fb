// Reaches a sandbox in-process (msw) or over real HTTP behind one interface, plus fetch and task helpers.
import { setupServer } from "msw/node";
import { afterAll, beforeAll } from "vitest";
import { createSandbox, type RecordedRequest, type SandboxOptions, startSandbox } from "../../src/index.js";

/** A sandbox under test, reached either in-process (msw) or over real HTTP (startSandbox). */
export interface Started {
  base: string;
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

export interface Harness {
  name: string;
  start(options?: SandboxOptions): Promise<Started>;
}

export const KEY = "test-key";
export const MSW_BASE = "https://client.camb.ai/apis";

/** msw's setupServer with a fresh sandbox's handlers per test. Call at the top level of a test file. */
export function mswHarness(): Harness {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());
  return {
    name: "in-process (msw setupServer)",
    async start(options = {}) {
      const sandbox = createSandbox(options);
      server.resetHandlers(...sandbox.handlers);
      return { base: options.baseUrl ?? MSW_BASE, requests: sandbox.requests, stop: async () => {} };
    },
  };
}

/** startSandbox on 127.0.0.1, port 0. */
export function httpHarness(): Harness {
  return {
    name: "real HTTP (startSandbox)",
    async start(options = {}) {
      const running = await startSandbox({ ...options, port: 0 });
      return { base: running.url, requests: running.requests, stop: () => running.close() };
    },
  };
}

/** fetch with the API key and a JSON body. */
export function call(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; key?: string | null } = {},
) {
  const headers: Record<string, string> = {};
  if (init.key !== null) headers["x-api-key"] = init.key ?? KEY;
  let body: BodyInit | undefined;
  if (init.body instanceof FormData) body = init.body;
  else if (init.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(init.body);
  }
  return fetch(`${base}${path}`, { method: init.method ?? (body ? "POST" : "GET"), headers, body });
}

export async function jsonOf<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** Creates a task and polls it until it leaves PENDING; returns the final status body. */
export async function runTask(base: string, family: string, body: unknown) {
  const created = await call(base, `/${family}`, { body });
  const { task_id } = await jsonOf<{ task_id: string }>(created);
  for (let i = 0; i < 20; i++) {
    const status = await jsonOf<{
      status: string;
      run_id: number | null;
      exception_reason?: string;
      message?: string;
    }>(await call(base, `/${family}/${task_id}`));
    if (status.status !== "PENDING") return { taskId: task_id, ...status };
  }
  throw new Error("task stayed PENDING");
}

export const LONG_DESCRIPTION =
  "A warm, low-pitched middle-aged narrator with a slight rasp, speaking slowly and calmly, like a late-night radio host telling a story.";
