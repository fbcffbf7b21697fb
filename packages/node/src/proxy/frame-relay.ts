// Relays one session's frames between the browser's WebSocket and the API's, both ways: with backpressure,
// the key placed in the first client message where the channel wants it, and each side's close passed on.
import type { RawData, WebSocket } from "ws";

/** Unsent bytes on one side above which the other side is no longer read (R2's session default). */
export const HIGH_WATER_BYTES = 1024 * 1024;
/** ...and below which it is read again. */
const LOW_WATER_BYTES = HIGH_WATER_BYTES / 4;

/** Close reasons are at most 123 bytes of UTF-8 (RFC 6455 §5.5). */
const MAX_REASON_BYTES = 123;
const REDACTED = "[redacted]";

export interface RelayOptions {
  apiKey: string;
  /**
   * Puts the key into the first client message's text (realtime translation), undefined when it cannot (not
   * a JSON object); null on channels whose key went in the URL or a header.
   */
  placeKey: ((text: string) => string | undefined) | null;
  /** The channel's close code for a bad first frame (its `closeCodes` entry "bad-request"). */
  badRequestCode: number;
}

const asBuffer = (data: RawData): Buffer =>
  Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);

/** Codes an endpoint may send in a Close frame; 1005 and 1006 only describe one that came without a code. */
const sendable = (code: number) =>
  (code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) ||
  (code >= 3000 && code <= 4999);

/** `text` cut to fit a close reason, never in the middle of a character. */
function reasonOf(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > MAX_REASON_BYTES) reason = reason.slice(0, -1);
  return reason;
}

/**
 * Sends `data` on `to`; while `to` holds more than the high-water mark unsent, `from` is paused (its socket
 * stops being read, so TCP pushes back on the side that is ahead) and resumed once `to` has drained. The
 * proxy's memory per session is then bounded by about the mark, however fast one side sends.
 */
function forward(from: WebSocket, to: WebSocket, data: Buffer | string, binary: boolean): void {
  if (to.readyState !== to.OPEN) return;
  to.send(data, { binary }, () => {
    if (from.isPaused && to.bufferedAmount <= LOW_WATER_BYTES) from.resume();
  });
  if (to.bufferedAmount > HIGH_WATER_BYTES) from.pause();
}

/**
 * Passes a close on: the same code and reason when it may be sent (the API's 4400/4401/4402 reach the
 * browser); none when none came (1005); a dropped side (1006) drops the other, or, toward the API, closes it
 * as "going away" (1001), so a session that spends credits ends at once.
 */
function passClose(to: WebSocket, code: number, reason: string, towardApi: boolean): void {
  if (to.readyState === to.CLOSING || to.readyState === to.CLOSED) return;
  if (code === 1005) to.close();
  else if (sendable(code)) to.close(code, reasonOf(reason));
  else if (towardApi) to.close(1001);
  else to.terminate();
}

/** Relays frames between two open WebSockets until either closes; then closes the other. */
export function relayFrames(browser: WebSocket, upstream: WebSocket, options: RelayOptions): void {
  const key = Buffer.from(options.apiKey);
  let first = true;

  browser.on("message", (data, isBinary) => {
    if (first && options.placeKey) {
      first = false;
      const placed = isBinary ? undefined : options.placeKey(asBuffer(data).toString("utf8"));
      if (placed === undefined) {
        browser.close(options.badRequestCode, "The first message must be a JSON object");
        upstream.close(1000);
        return;
      }
      return forward(browser, upstream, placed, false);
    }
    first = false;
    forward(browser, upstream, asBuffer(data), isBinary);
  });

  upstream.on("message", (data, isBinary) => {
    const bytes = asBuffer(data);
    // Audio passes as it is; text (JSON events, error messages) never carries the key to the page.
    if (!isBinary && bytes.includes(key)) {
      return forward(upstream, browser, bytes.toString("utf8").split(options.apiKey).join(REDACTED), false);
    }
    forward(upstream, browser, bytes, isBinary);
  });

  upstream.on("close", (code, reason) => {
    browser.resume();
    passClose(browser, code, reason.toString("utf8").split(options.apiKey).join(REDACTED), false);
  });
  browser.on("close", (code, reason) => {
    upstream.resume();
    passClose(upstream, code, reason.toString("utf8"), true);
  });
  // A socket error is followed by its "close" (1006), which ends the other side above.
  browser.on("error", () => {});
  upstream.on("error", () => {});
}
