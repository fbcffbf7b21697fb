// The channels as msw WebSocket handlers (`ws.link`), for code that opens the global `WebSocket`: the same
// sessions as the ws server, through msw's in-process connection.
import { type ChannelId, channels, defaultBaseUrl, realtimeServer } from "@camb-kit/client/spec";
import { type WebSocketHandler, ws } from "msw";
import { delay } from "../delay.js";
import { resolveOptions } from "../state/options.js";
import type { RecordedRequest, Sandbox, SandboxOptions } from "../types.js";
import type { ChannelConnection, ChannelSession } from "./connection.js";
import { admit, type ChannelBases, channelBase, openSession } from "./open-session.js";
import { createRealtimeContext, linksOf, splitFaultRules } from "./realtime-context.js";

export interface RealtimeHandlerOptions extends SandboxOptions {
  /** Where the realtime channels answer; default the spec's realtime host (`wss://realtime.camb.ai`). */
  realtimeBaseUrl?: string;
  /**
   * A sandbox from createSandbox to serve the channels of: its options are the defaults of these, the
   * channels log into its `requests`, refuse voices it does not have, and a live TTS session's `run_id` is a
   * run of its REST state (its result answers the session's speech).
   */
  sandbox?: Sandbox;
}

/** What msw hands a handler for one connection (its `client` side is all the sessions need). */
type MswClient = Parameters<Parameters<ReturnType<typeof ws.link>["addEventListener"]>[1]>[0]["client"];

/** A message's data as a session takes it: text, or bytes (msw passes Blobs and buffers through as sent). */
async function frameOf(data: unknown): Promise<string | Uint8Array> {
  if (typeof data === "string") return data;
  if (data instanceof Blob) return new Uint8Array(await data.arrayBuffer());
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data as ArrayBuffer);
}

/**
 * One msw connection as a session's connection. Sends are immediate (there is no socket to back up), a
 * dropped connection is a close with 1006 (msw cannot drop what it never opened), and a paused reader
 * queues the client's frames until it resumes.
 */
function serve(
  client: MswClient,
  start: (connection: ChannelConnection) => Promise<ChannelSession | undefined>,
) {
  let session: ChannelSession | undefined;
  let paused = true; // until the session exists
  const queue: Promise<string | Uint8Array>[] = [];
  let delivering = false;
  // One delivery loop at a time, so a frame whose bytes take longer to read (a Blob) keeps its place.
  const deliver = async () => {
    if (delivering) return;
    delivering = true;
    while (!paused && session && queue.length > 0)
      session.receive(await (queue.shift() as Promise<string | Uint8Array>));
    delivering = false;
  };
  const connection: ChannelConnection = {
    url: client.url,
    headers: {},
    async send(frame) {
      client.send(typeof frame === "string" ? frame : frame.slice().buffer);
    },
    close: (code, reason) => client.close(code, reason),
    drop: () => client.close(1006, ""),
    pauseReading: () => {
      paused = true;
    },
    resumeReading: () => {
      paused = false;
      void deliver();
    },
  };
  client.addEventListener("message", (event) => {
    queue.push(frameOf(event.data));
    void deliver();
  });
  client.addEventListener("close", () => session?.ended());
  void start(connection).then((opened) => {
    session = opened;
    paused = false;
    void deliver();
  });
}

/**
 * msw handlers for the spec's WebSocket channels: `setupServer(...cambHandlers(), ...cambRealtimeHandlers())`.
 * They intercept the global `WebSocket` (browsers, Node 22+), so a browser's WebSocket, which sends no
 * headers, passes its key in the query. The channels keep their own request log and runs, unless given the
 * `sandbox` whose handlers they are served with.
 */
export function cambRealtimeHandlers(given: RealtimeHandlerOptions = {}): WebSocketHandler[] {
  const { sandbox, ...own } = given;
  const links = linksOf(sandbox);
  const options: RealtimeHandlerOptions = { ...links?.options, ...own };
  const resolved = resolveOptions({ ...options, faults: [] });
  const requests: RecordedRequest[] = sandbox?.requests ?? [];
  const context = createRealtimeContext(resolved, splitFaultRules(options.faults).channels, requests, links);
  const bases: ChannelBases = {
    api: options.baseUrl ?? defaultBaseUrl,
    realtime: options.realtimeBaseUrl ?? realtimeServer,
  };
  return (Object.keys(channels) as ChannelId[]).map((channel) =>
    ws.link(channelBase(channel, bases)).addEventListener("connection", ({ client }) =>
      serve(client, async (connection) => {
        const plan = admit(context, channel, client.url, {});
        await delay(plan.latencyMs);
        const fault = plan.fault;
        if (fault?.kind === "reset") return void connection.drop();
        if (fault?.kind === "status")
          return void client.close(1011, `Sandbox fault: HTTP ${fault.status ?? 500}`);
        return openSession(channel, connection, context, plan);
      }),
    ),
  );
}
