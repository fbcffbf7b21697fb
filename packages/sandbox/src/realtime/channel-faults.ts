// The fault rules on a channel, once the session is open: a connection dropped mid-session, a stall, a
// broken JSON frame, a server that stops reading (the client's bufferedAmount then grows).
import { delay } from "../delay.js";
import type { FaultRule } from "../types.js";
import type { ChannelConnection, ChannelSession } from "./connection.js";

/** The fault kinds that act on an open session; `status`, `reset` and `latency` act on the handshake. */
const SESSION_FAULTS = new Set(["truncate", "stall", "malformed-json", "slow-reader"]);

/** Half a JSON message: what a server that crashed mid-write leaves a client to parse. */
const BROKEN_JSON = '{"type": "sess';

/**
 * Wraps a connection so that `rule` happens once the server has sent `afterBytes` bytes of frames
 * (`truncate`: the connection is dropped, no close frame; `stall`: nothing more is sent for `ms`, or until
 * the client leaves when `ms` is 0; `malformed-json`: a broken text frame goes out before the next one),
 * or once the client has sent `afterBytes` (`slow-reader`: the server stops reading, for `ms` or for good).
 */
export function withSessionFault(
  connection: ChannelConnection,
  rule: FaultRule | undefined,
): { connection: ChannelConnection; watch(session: ChannelSession): ChannelSession } {
  if (!rule || !SESSION_FAULTS.has(rule.kind)) return { connection, watch: (session) => session };
  const afterBytes = rule.afterBytes ?? 0;
  const gone = new AbortController();
  let sent = 0;
  let received = 0;
  let fired = false;
  const faulty: ChannelConnection = {
    url: connection.url,
    headers: connection.headers,
    async send(frame) {
      if (gone.signal.aborted) return;
      const size = typeof frame === "string" ? new TextEncoder().encode(frame).length : frame.length;
      if (!fired && rule.kind !== "slow-reader" && sent + size > afterBytes) {
        fired = true;
        if (rule.kind === "truncate") return connection.drop();
        if (rule.kind === "stall") await stall(rule.ms ?? 0, gone.signal);
        if (rule.kind === "malformed-json" && typeof frame === "string") await connection.send(BROKEN_JSON);
        else if (rule.kind === "malformed-json") fired = false; // wait for a text frame to break
        if (gone.signal.aborted) return;
      }
      sent += size;
      return connection.send(frame);
    },
    close: (code, reason) => connection.close(code, reason),
    drop: () => connection.drop(),
    pauseReading: () => connection.pauseReading(),
    resumeReading: () => connection.resumeReading(),
  };
  const watch = (session: ChannelSession): ChannelSession => ({
    receive(frame) {
      received += frame.length; // characters of a text frame: close enough to its bytes for a threshold
      if (!fired && rule.kind === "slow-reader" && received > afterBytes) {
        fired = true;
        connection.pauseReading();
        if ((rule.ms ?? 0) > 0) void delay(rule.ms ?? 0, gone.signal).then(() => connection.resumeReading());
      }
      session.receive(frame);
    },
    ended() {
      gone.abort();
      session.ended();
    },
  });
  return { connection: faulty, watch };
}

/** A stall of `ms` (0: until the session ends). */
function stall(ms: number, signal: AbortSignal): Promise<void> {
  if (ms > 0) return delay(ms, signal);
  return new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
}
