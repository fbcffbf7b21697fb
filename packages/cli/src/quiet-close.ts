// Ends a session whose channel has no end message (realtime translation): once everything has been sent, the
// session is closed after the server has been quiet for a while, each event it sends restarting the wait.

export interface QuietClose {
  /** The server sent something: the wait, if it has begun, starts again. */
  heard(): void;
  /** Nothing more will be sent: the wait begins. */
  sendingDone(): void;
  /** Stops waiting (the session ended otherwise). */
  cancel(): void;
}

/** Calls `close` once `sendingDone()` has been called and `quietMs` have passed with no `heard()`. */
export function closeWhenQuiet(close: () => unknown, quietMs: number): QuietClose {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting = false;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(close, quietMs);
  };
  return {
    heard() {
      if (waiting) arm();
    },
    sendingDone() {
      waiting = true;
      arm();
    },
    cancel() {
      waiting = false;
      clearTimeout(timer);
    },
  };
}
