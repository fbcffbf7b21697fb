// The proxy's WebSocket side: node:http's `upgrade` event for a channel under the prefix, refused unless it
// is allowed, connected upstream with the key in its place, then relayed frame for frame (frame-relay.ts).
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type ChannelId, channels } from "@camb-kit/client/spec";
import { WebSocket, WebSocketServer } from "ws";
import { keepBrowserAlive } from "./browser-heartbeat.js";
import { channelAtPath, type TargetOptions, upstreamTarget, withKeyInMessage } from "./channel-target.js";
import { relayFrames } from "./frame-relay.js";
import { pathUnderPrefix } from "./mount-prefix.js";
import { requestUrl } from "./node-adapter.js";
import { isWebSocketHandshake, refuseUpgrade } from "./upgrade-refusal.js";

/**
 * A listener for node:http's `upgrade` event (`server.on("upgrade", handler)`). Returns false, leaving the
 * socket alone, for a path outside the proxy's prefix, so other listeners (a dev server's HMR) keep theirs;
 * true when the proxy answered it.
 */
export type NodeUpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;

export interface UpgradeRelayOptions extends TargetOptions {
  prefix: string;
  allowed: ReadonlySet<ChannelId>;
  /** Origins, besides the proxy's own, whose pages may open sessions. */
  origins: readonly string[];
  /** Time allowed for the API's handshake, in ms; 0 for none. */
  connectTimeoutMs: number;
  /** Interval of the pings that find a browser gone silent, in ms; 0 for none. */
  heartbeatMs: number;
}

/** Largest frame taken from either side (16 MiB): well above any audio chunk, far below ws's 100 MiB. */
const MAX_FRAME_BYTES = 16 * 1024 * 1024;

/** The channel's close code for a bad first frame, read off its `closeCodes`. */
function badRequestCode(channel: ChannelId): number {
  const codes: Record<string, string> = channels[channel].closeCodes;
  const code = Object.keys(codes).find((name) => codes[name] === "bad-request");
  // 1008 (policy violation) is the protocol's own code for it, should a channel declare none.
  return code === undefined ? 1008 : Number(code);
}

/**
 * Whether a page of `Origin` may open a session. A WebSocket is not bound by CORS: without this check any
 * site a user visits could open sessions through the proxy, on the app's credits. Browsers always send
 * Origin on a handshake; a request without one is not from a page and passes (as on the REST side).
 */
function originAllowed(headers: IncomingHttpHeaders, origins: readonly string[]): boolean {
  const { origin, host } = headers;
  if (origin === undefined) return true;
  if (origins.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    return false; // "null" (a sandboxed frame, a file) and anything unparsable
  }
}

/** The upgrade listener that relays allowed channels' sessions to the API, with the key added here. */
export function createUpgradeRelay(options: UpgradeRelayOptions): NodeUpgradeHandler {
  const server = new WebSocketServer({
    noServer: true,
    clientTracking: false,
    // Audio does not compress, and inflating is where a small frame becomes a large buffer.
    perMessageDeflate: false,
    maxPayload: MAX_FRAME_BYTES,
    // The API's channels define no subprotocol: none is agreed to on its behalf.
    handleProtocols: () => false,
  });

  return (req, socket, head) => {
    const url = new URL(requestUrl(req.url));
    const path = pathUnderPrefix(url.pathname, options.prefix);
    if (path === undefined) return false;
    const channel = channelAtPath(path);
    if (!isWebSocketHandshake(req)) refuseUpgrade(socket, 400, "Not a WebSocket handshake");
    else if (!channel) refuseUpgrade(socket, 404, "Not a CAMB channel path");
    else if (!options.allowed.has(channel))
      refuseUpgrade(socket, 403, `${channel} is not allowed through this proxy`);
    else if (!originAllowed(req.headers, options.origins))
      refuseUpgrade(socket, 403, "Pages of this origin may not open sessions through this proxy");
    else connect(channel, url, req, socket, head);
    return true;
  };

  /** Opens the API's side first: the browser's handshake completes only once there is a session to relay. */
  function connect(channel: ChannelId, url: URL, req: IncomingMessage, socket: Duplex, head: Buffer) {
    const target = upstreamTarget(channel, url.searchParams, req.headers, options);
    const upstream = new WebSocket(target.url, {
      headers: target.headers,
      perMessageDeflate: false,
      maxPayload: MAX_FRAME_BYTES,
      followRedirects: false,
    });
    let pending = true;
    // Settles the handshake once; the listeners below act only while it is pending (the socket's stay on as
    // no-ops: an error event without a listener would throw).
    const settle = () => {
      if (!pending) return false;
      pending = false;
      clearTimeout(timer);
      return true;
    };
    const fail = (status: number, detail: string) => {
      if (!settle()) return;
      upstream.terminate();
      refuseUpgrade(socket, status, detail);
    };
    const browserGone = () => {
      if (!settle()) return;
      upstream.terminate();
      socket.destroy();
    };
    const timer =
      options.connectTimeoutMs > 0
        ? setTimeout(() => fail(504, "The CAMB API did not answer in time"), options.connectTimeoutMs)
        : undefined;
    // node:http hands over an upgrade's socket unread, and half-open: its end would go unseen. Reading it
    // shows a browser that goes away meanwhile; what it may send early is kept for the handshake.
    const early: Buffer[] = [head];
    const keep = (chunk: Buffer) => early.push(chunk);
    socket.on("data", keep);
    socket.once("end", browserGone);
    socket.once("close", browserGone);
    socket.on("error", browserGone);
    // Never the upstream error's text: it could name the upstream URL (and a query key in it).
    upstream.on("error", () => fail(502, "The CAMB API could not be reached"));
    upstream.once("unexpected-response", (_request, response) => {
      response.resume();
      const status = response.statusCode ?? 502;
      fail(status >= 400 && status < 500 ? status : 502, `The CAMB API refused the session (${status})`);
    });
    upstream.once("open", () => {
      if (!settle()) return;
      socket.off("data", keep);
      socket.off("end", browserGone);
      let accepted = false;
      server.handleUpgrade(req, socket, Buffer.concat(early), (browser) => {
        accepted = true;
        keepBrowserAlive(browser, options.heartbeatMs);
        relayFrames(browser, upstream, {
          apiKey: options.apiKey,
          placeKey: target.keyField
            ? (text) => withKeyInMessage(text, target.keyField!, options.apiKey)
            : null,
          badRequestCode: badRequestCode(channel),
        });
      });
      // ws completes a valid handshake synchronously; when it did not, the browser's socket had already
      // ended, and the session has no one to relay to.
      if (!accepted) upstream.close(1001);
    });
  }
}
