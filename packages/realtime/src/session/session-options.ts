// The options every session takes, their defaults, and the checks that reject a bad value before connecting.
import type { KeyPlacement } from "../key-placement.js";
import type { RealtimeSocketConstructor } from "../socket/socket-types.js";

export interface SessionOptions {
  /** Ends the session: the socket is closed, the iterator and any waiting send reject with the signal's reason. */
  signal?: AbortSignal | undefined;
  /**
   * The WebSocket class to use. Default: the runtime's own (browsers, Node 22+, Bun, Deno), else the `ws`
   * package (Node 20; install it). When the key goes in a header it is called as `new WebSocket(url, { headers })`.
   */
  WebSocket?: RealtimeSocketConstructor | undefined;
  /**
   * Where the key goes on a channel that takes it in a header or the query: default a header where the
   * runtime can set one (Node, Bun), else the query (browsers, Deno). Realtime translation always sends it in
   * its first message. A client without a key (behind your proxy) sends none.
   */
  keyPlacement?: KeyPlacement | undefined;
  /** Sends wait while more than this many bytes wait in the socket's send buffer. Default 1 MiB. */
  maxBufferedBytes?: number | undefined;
  /**
   * Bytes of received events that may wait to be read. Past it the session stops reading from the network
   * where the WebSocket can (`ws`), and elsewhere fails with `RealtimeBacklogError`. Default 16 MiB;
   * `Infinity` for no limit.
   */
  maxQueuedBytes?: number | undefined;
  /** Time allowed for the socket to open, in ms. Default 10000. */
  connectTimeoutMs?: number | undefined;
  /** Time allowed, once open, for the server's ready message, in ms. Default 90000 (models may cold-boot). */
  readyTimeoutMs?: number | undefined;
  /** After `finish()`, the longest silence from the server before the session fails, in ms. Default 30000. */
  finishTimeoutMs?: number | undefined;
  /** On a channel with a keep-alive message: sent after this many ms with nothing sent. Default 5000; 0 for none. */
  keepAliveMs?: number | undefined;
}

export interface ResolvedSessionOptions {
  signal: AbortSignal | undefined;
  WebSocket: RealtimeSocketConstructor | undefined;
  keyPlacement: KeyPlacement | undefined;
  maxBufferedBytes: number;
  maxQueuedBytes: number;
  connectTimeoutMs: number;
  readyTimeoutMs: number;
  finishTimeoutMs: number;
  keepAliveMs: number;
}

const MiB = 1024 * 1024;

function positive(name: string, value: number | undefined, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || Number.isNaN(value) || value < 0 || (value === 0 && !allowZero)) {
    throw new RangeError(`Invalid ${name}: ${String(value)}`);
  }
  return value;
}

/** The options with their defaults; a RangeError or TypeError names a bad one. */
export function resolveSessionOptions(options: SessionOptions = {}): ResolvedSessionOptions {
  if (
    options.keyPlacement !== undefined &&
    options.keyPlacement !== "header" &&
    options.keyPlacement !== "query"
  ) {
    throw new TypeError(
      `Invalid keyPlacement: ${String(options.keyPlacement)} (expected "header" or "query")`,
    );
  }
  if (options.WebSocket !== undefined && typeof options.WebSocket !== "function") {
    throw new TypeError("options.WebSocket must be a WebSocket class");
  }
  return {
    signal: options.signal,
    WebSocket: options.WebSocket,
    keyPlacement: options.keyPlacement,
    maxBufferedBytes: positive("maxBufferedBytes", options.maxBufferedBytes, MiB),
    maxQueuedBytes: positive("maxQueuedBytes", options.maxQueuedBytes, 16 * MiB),
    connectTimeoutMs: positive("connectTimeoutMs", options.connectTimeoutMs, 10_000),
    readyTimeoutMs: positive("readyTimeoutMs", options.readyTimeoutMs, 90_000),
    finishTimeoutMs: positive("finishTimeoutMs", options.finishTimeoutMs, 30_000),
    keepAliveMs: positive("keepAliveMs", options.keepAliveMs, 5_000, true),
  };
}
