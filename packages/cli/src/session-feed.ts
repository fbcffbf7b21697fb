// The sending half of a live command (text or audio going in) run beside the reading of the session's events,
// so that a failure on either side ends both and the command reports it.

/** A session as far as feeding it goes: closing it ends its events. */
interface Closable {
  close(): Promise<void>;
}

export interface Feed {
  /** Settles when sending is over; never rejects (a failure is kept for `check()`). */
  readonly settled: Promise<void>;
  /** Whether sending failed (the session was closed for it). */
  failed(): boolean;
  /** Throws the sending failure, if any: call it after the events end, since closing may end them quietly. */
  check(): void;
}

/** Starts `send`; when it fails, the session is closed, so that whoever reads its events is not left waiting. */
export function feedSession(session: Closable, send: () => Promise<void>): Feed {
  let failure: unknown;
  let failed = false;
  const settled = send().catch(async (error: unknown) => {
    failure = error;
    failed = true;
    await session.close().catch(() => {});
  });
  return {
    settled,
    failed: () => failed,
    check() {
      if (failed) throw failure;
    },
  };
}
