// The msw server the hook tests share, a fresh sandbox per test on it, and the API paths it saw.
import { createSandbox, type SandboxOptions } from "@camb-kit/sandbox";
import { setupServer } from "msw/node";

/** Where the sandbox answers in these tests; never a real host. */
export const BASE_URL = "http://camb.test/apis";

/** One msw server for the test file; each test installs a fresh sandbox with `installSandbox`. */
export const server = setupServer();

/** A new sandbox (fresh tasks and request log) answering at BASE_URL for the current test. */
export function installSandbox(options: SandboxOptions = {}) {
  const sandbox = createSandbox({ baseUrl: BASE_URL, ...options });
  server.resetHandlers(...sandbox.handlers);
  return sandbox;
}

/** The API paths (without the base path) the sandbox saw, in order. */
export function pathsSeen(sandbox: { requests: { url: string }[] }): string[] {
  return sandbox.requests.map((request) => new URL(request.url).pathname.replace(/^\/apis/, ""));
}
