// What every realtime session is: an async iterable of typed events that ends when the session does, with a
// ready promise, the send buffer's fill, and close().

/** A realtime session: iterate it for its events; `break`, `close()` or the signal ends it. */
export interface RealtimeSession<Event, Ready> extends AsyncIterable<Event> {
  /**
   * The server's ready message. Rejects with the session's error when it ends first (awaiting it is optional:
   * the iterator and every send report the same error).
   */
  readonly ready: Promise<Ready>;
  /** Resolves once the session has ended and its socket is closed; never rejects. */
  readonly closed: Promise<void>;
  /** Bytes sent but not yet on the network (sends wait while it is above `maxBufferedBytes`). */
  readonly bufferedAmount: number;
  /** Bytes of received events not yet read (bounded by `maxQueuedBytes`). */
  readonly queuedBytes: number;
  /**
   * Ends the session now (close code 1000) and resolves once the socket is closed. Events already received
   * are still read by the iterator, which then ends; sends reject.
   */
  close(): Promise<void>;
}
