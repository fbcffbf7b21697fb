// Sends frames one at a time, each only once the socket's send buffer is back under the limit, so a slow link
// makes senders wait instead of buffering without bound.
import { sleep } from "@camb-kit/client/internal";
import type { RealtimeSocket } from "../socket/socket-types.js";

// The WebSocket API has no drain event (WHATWG's WebSocketStream would give one, but no runtime ships it
// everywhere), so `bufferedAmount` is polled. The delay starts short, so a buffer that empties fast costs
// little latency, and doubles to a ceiling, so a stalled link costs a wake-up every 50 ms, not a hot loop.
const FIRST_POLL_MS = 1;
const MAX_POLL_MS = 50;

export class SendGate {
  private tail: Promise<void> = Promise.resolve();

  /** `signal` aborts when the session ends: waiting sends reject with its reason. */
  constructor(
    private readonly socket: RealtimeSocket,
    private readonly maxBufferedBytes: number,
    private readonly signal: AbortSignal,
  ) {}

  /**
   * Sends `data` after every earlier send, once `bufferedAmount` is at most `maxBufferedBytes`; at most one
   * frame past the limit is ever buffered. Resolves when the frame is handed to the socket.
   */
  send(data: string | Uint8Array): Promise<void> {
    const run = this.tail.then(() => this.sendWhenDrained(data));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Whether a frame sent now would go out without waiting (KeepAlive skips a busy link). */
  get idle(): boolean {
    return this.socket.bufferedAmount <= this.maxBufferedBytes;
  }

  private async sendWhenDrained(data: string | Uint8Array): Promise<void> {
    let delay = FIRST_POLL_MS;
    while (!this.signal.aborted && this.socket.bufferedAmount > this.maxBufferedBytes) {
      await sleep(delay, this.signal);
      delay = Math.min(delay * 2, MAX_POLL_MS);
    }
    if (this.signal.aborted) throw this.signal.reason;
    this.socket.send(data);
  }
}
