// The channels of a started sandbox: on its node:http server, at its URL (the realtime host's stand-in
// shares the port; the channels' paths do not clash), sharing its request log.
import type { Server } from "node:http";
import { resolveOptions } from "../state/options.js";
import type { FaultRule, Sandbox, SandboxOptions } from "../types.js";
import { createRealtimeContext, linksOf } from "./realtime-context.js";
import { serveChannels } from "./ws-server.js";

export interface ServedChannels {
  /** `ws://host:port`: the stand-in for `wss://realtime.camb.ai`. */
  realtimeUrl: string;
  /** Ends every open session. */
  close(): void;
}

/**
 * Serves the channels on `server` for a sandbox created at `options.baseUrl`, with the fault rules meant
 * for channels (see splitFaultRules). A sandbox that exposes its REST state (REALTIME_LINKS) has session
 * runs (live TTS's) the REST side knows; otherwise the channels keep runs of their own.
 */
export async function serveSandboxChannels(
  server: Server,
  options: SandboxOptions & { baseUrl: string },
  rules: readonly FaultRule[],
  sandbox: Sandbox,
): Promise<ServedChannels> {
  const links = linksOf(sandbox);
  const context = createRealtimeContext(
    resolveOptions({ ...options, faults: [] }),
    rules,
    sandbox.requests,
    links,
  );
  const realtimeUrl = options.baseUrl.replace(/^http/, "ws");
  const close = await serveChannels(server, context, { api: options.baseUrl, realtime: realtimeUrl });
  return { realtimeUrl, close };
}
