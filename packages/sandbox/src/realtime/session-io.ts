// Sending a session's frames in order, and ending a session with its error message and the close code the
// spec gives the reason: the part every channel's session shares.
import type { ChannelId } from "@camb-kit/client/spec";
import {
  type ChannelConnection,
  type CloseMeaning,
  closeCode,
  closeReason,
  INTERNAL_ERROR,
  NORMAL_CLOSURE,
} from "./connection.js";

/** Why a session ends badly: one of the spec's close meanings, or a failure of the server itself. */
export type Failure = CloseMeaning | "internal";

/** The `code` field of a session error for each failure (the spec leaves its values open). */
const ERROR_CODES: Record<Failure, string> = {
  "bad-request": "bad_request",
  unauthorized: "unauthorized",
  "payment-required": "payment_required",
  internal: "internal_error",
};

/**
 * One session's way out: frames go out one after the other (each waits for the last to be taken, so a slow
 * client slows the session instead of filling memory), and the session ends once.
 */
export class SessionIO {
  private chain: Promise<void> = Promise.resolve();
  /** The connection is closed, or gone: nothing more goes out. */
  closed = false;
  /** An end is queued: the session takes no more input. */
  closing = false;

  constructor(
    private readonly channel: ChannelId,
    private readonly connection: ChannelConnection,
    /** The channel's error message for a text and a code (each channel shapes it its own way). */
    private readonly errorMessage: (message: string, code: string) => object,
  ) {}

  /** Queues a frame (a message object is sent as JSON); resolves when it has been taken. */
  send(frame: object | Uint8Array): Promise<void> {
    return this.sendEach(Promise.resolve([frame]));
  }

  /**
   * Queues frames that are still being made (a segment's audio being encoded): they go out in this place
   * of the queue, after what was queued before and before what is queued after.
   */
  sendEach(made: Promise<Iterable<object | Uint8Array>>): Promise<void> {
    // A send that fails means the connection is gone: the session stops, nothing is thrown at it.
    this.chain = this.chain
      .then(async () => {
        for (const frame of await made) {
          if (this.closed) return;
          await this.connection.send(frame instanceof Uint8Array ? frame : JSON.stringify(frame));
        }
      })
      .catch(() => {
        this.closed = true;
      });
    return this.chain;
  }

  /** After what is queued: the error message, then the close code of the failure. */
  fail(failure: Failure, message: string): Promise<void> {
    void this.send(this.errorMessage(message, ERROR_CODES[failure]));
    return this.end(failure === "internal" ? INTERNAL_ERROR : closeCode(this.channel, failure), message);
  }

  /** After what is queued: a normal close. */
  finish(reason = ""): Promise<void> {
    return this.end(NORMAL_CLOSURE, reason);
  }

  private end(code: number, reason: string): Promise<void> {
    this.closing = true;
    this.chain = this.chain.then(() => {
      if (this.closed) return;
      this.closed = true;
      this.connection.close(code, closeReason(reason));
    });
    return this.chain;
  }

  /** The client went away: nothing more is sent. */
  ended(): void {
    this.closed = true;
    this.closing = true;
  }
}
