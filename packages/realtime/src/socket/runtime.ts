// Which kind of runtime this is, as far as a WebSocket cares: whether it can send headers on the upgrade.
// No `node:` import: the globals each runtime defines are enough to tell them apart.

type Globals = {
  Deno?: unknown;
  Bun?: unknown;
  process?: { versions?: { node?: string; bun?: string } };
  WebSocket?: unknown;
};

const globals = globalThis as Globals;

/** The runtime, as the WebSocket code needs to know it. */
export type Runtime = "node" | "bun" | "deno" | "browser";

export function currentRuntime(): Runtime {
  // Deno and Bun define `process` too (compat), so they are asked first.
  if (globals.Deno !== undefined) return "deno";
  if (globals.Bun !== undefined || globals.process?.versions?.bun) return "bun";
  if (globals.process?.versions?.node) return "node";
  return "browser";
}

/**
 * Whether the runtime's WebSocket can set headers on the upgrade: `ws` and undici (Node) and Bun take
 * `{ headers }`; browsers cannot by design, and Deno only behind an unstable flag (denoland/deno#30321).
 */
export function canSendHeaders(runtime: Runtime): boolean {
  return runtime === "node" || runtime === "bun";
}

/** The runtime's own WebSocket class, when it has one (browsers, Node 22+, Bun, Deno; Node 20 has none). */
export function globalWebSocket(): unknown {
  return globals.WebSocket;
}
