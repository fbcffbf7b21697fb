// One WebSocket session on any channel of the spec's table, top to bottom in the order a session lives:
// connect (key placed, timeouts), start, ready, events in (bounded), sends out (backpressure, keep-alive),
// finish, and every way it ends (close, abort, break, a close code, a drop, a timeout) ending it exactly once.
import { type ChannelId, type ClientMessage, channels, type ServerMessage } from "@camb-kit/client/spec";
import { type CloseInfo, RealtimeBacklogError, RealtimeProtocolError } from "../errors.js";
import type { PlacedKey } from "../key-placement.js";
import { CLOSE_GRACE_MS, closeSocket, openSocket, socketClass } from "../socket/open-socket.js";
import { OPEN, type RealtimeSocket } from "../socket/socket-types.js";
import { EventQueue, type FlowControl } from "./event-queue.js";
import { KeepAlive } from "./keep-alive.js";
import { readFrame } from "./read-frame.js";
import { SendGate } from "./send-gate.js";
import { ABNORMAL_CLOSE, redactedCause, SessionFailures } from "./session-failures.js";
import { type ResolvedSessionOptions, resolveSessionOptions } from "./session-options.js";
import type { AudioEvent, ChannelSessionInit, ReadyMessage } from "./session-types.js";
import { placeSessionKey } from "./session-url.js";
import { Timer } from "./timer.js";

export class ChannelSession<C extends ChannelId, E> implements AsyncIterable<E> {
  readonly ready: Promise<ReadyMessage<C>>;
  /** Resolves once the session has ended and its socket is closed (or let go); never rejects. */
  readonly closed: Promise<void>;

  private readonly channel: C;
  private readonly options: ResolvedSessionOptions;
  private readonly placed: PlacedKey;
  private readonly failures: SessionFailures;
  private readonly queue: EventQueue<E>;
  private readonly toEvent: (event: ServerMessage<C> | AudioEvent) => E;
  private readonly keepAlive: KeepAlive;
  // Aborted when the session ends, whatever the reason: waiting sends reject with its reason.
  private readonly ending = new AbortController();
  private readonly timers = {
    connect: new Timer(),
    ready: new Timer(),
    finish: new Timer(),
    grace: new Timer(),
  };
  private socket: RealtimeSocket | undefined;
  private gate: SendGate | undefined;
  private opened = false;
  private isReady = false;
  private finishing = false;
  private serverMessage: unknown;
  private transportError: Error | undefined;
  private settleReady!: { resolve(message: ReadyMessage<C>): void; reject(error: unknown): void };
  private markClosed!: () => void;
  private readonly detachSignal: () => void;

  constructor(camb: object, init: ChannelSessionInit<C, E>) {
    this.channel = init.channel;
    this.toEvent = init.toEvent;
    this.options = resolveSessionOptions(init.options);
    this.placed = placeSessionKey(camb, this.channel, init.query, this.options);
    this.failures = new SessionFailures(this.channel, this.placed.printableUrl);
    this.queue = new EventQueue<E>(this.options.maxQueuedBytes, this.flowControl());
    this.keepAlive = new KeepAlive(
      channels[this.channel].keepAlive ?? undefined,
      this.options.keepAliveMs,
      (text) => this.socket?.send(text),
      () => this.gate?.idle ?? false,
    );
    this.ready = new Promise((resolve, reject) => (this.settleReady = { resolve, reject }));
    // Awaiting `ready` is optional: a failure is reported by the iterator and the sends as well.
    this.ready.catch(() => undefined);
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
    const signal = this.options.signal;
    const onAbort = () => this.end(signal?.reason, { drop: true });
    signal?.addEventListener("abort", onAbort, { once: true });
    this.detachSignal = () => signal?.removeEventListener("abort", onAbort);
    if (signal?.aborted) onAbort();
    else void this.connect(init.start);
  }

  /** Aborted once the session has ended, with the error it ended with (or a closed-session error). */
  get endedSignal(): AbortSignal {
    return this.ending.signal;
  }

  /** Bytes of received events not yet read. */
  get queuedBytes(): number {
    return this.queue.queuedBytes;
  }

  /** Bytes waiting in the socket's send buffer. */
  get bufferedAmount(): number {
    return this.socket?.bufferedAmount ?? 0;
  }

  // --- connect, start, ready ---------------------------------------------------------------------------

  private async connect(start: ClientMessage<C> | undefined): Promise<void> {
    let socket: RealtimeSocket;
    try {
      const WebSocket = await socketClass(this.options.WebSocket); // Node 20 without ws: a TypeError
      if (this.ending.signal.aborted) return;
      socket = openSocket(WebSocket, this.placed, this.failures);
    } catch (error) {
      this.end(error);
      return;
    }
    this.socket = socket;
    this.gate = new SendGate(socket, this.options.maxBufferedBytes, this.ending.signal);
    socket.addEventListener("open", () => this.onOpen(start));
    socket.addEventListener("message", (event: { data: unknown }) => this.onFrame(event.data));
    socket.addEventListener("error", (event: unknown) => this.onSocketError(event));
    socket.addEventListener("close", (event: CloseInfo) =>
      this.onClose({ code: event.code, reason: event.reason ?? "" }),
    );
    const ms = this.options.connectTimeoutMs;
    this.timers.connect.start(ms, () => this.end(this.failures.timeout("open", ms)));
  }

  private onOpen(start: ClientMessage<C> | undefined): void {
    this.opened = true;
    this.timers.connect.stop();
    if (this.ending.signal.aborted) return;
    const ms = this.options.readyTimeoutMs;
    this.timers.ready.start(ms, () => this.end(this.failures.timeout("ready", ms)));
    // The send buffer is empty on open: the start message goes out at once, ahead of anything queued.
    if (start) this.socket!.send(JSON.stringify(this.placed.withKey(start)));
  }

  private onFrame(data: unknown): void {
    if (this.ending.signal.aborted) return;
    if (this.finishing) this.armFinishTimer();
    const frame = readFrame(this.channel, data);
    if (frame.kind === "invalid") {
      this.end(new RealtimeProtocolError({ channel: this.channel, detail: frame.detail }));
      return;
    }
    if (frame.kind === "audio") {
      this.enqueue({ type: "audio", data: frame.data }, frame.data.byteLength);
      return;
    }
    const { message } = frame;
    const entry = channels[this.channel];
    if (message.type === entry.error) {
      // The close that follows says which error it is (its code); should none come, this message is enough.
      this.serverMessage = message;
      this.endUnlessClosed();
      return;
    }
    if (message.type === entry.ready && !this.isReady) {
      this.isReady = true;
      this.timers.ready.stop();
      this.settleReady.resolve(message as ReadyMessage<C>);
      this.keepAlive.restart();
    }
    this.enqueue(message, frame.bytes);
    // The server has said all it will: the session ends cleanly here, whether or not its close comes.
    if (message.type === entry.done) this.end(undefined);
  }

  // --- events in ---------------------------------------------------------------------------------------

  private enqueue(event: ServerMessage<C> | AudioEvent, bytes: number): void {
    this.queue.push(this.toEvent(event), bytes);
  }

  /** Past `maxQueuedBytes`: `ws` can stop reading (the server's sends then wait on TCP); others cannot. */
  private flowControl(): FlowControl {
    return {
      pause: () => {
        if (!this.socket?.pause) return false;
        this.socket.pause();
        return true;
      },
      resume: () => {
        if (this.socket?.readyState === OPEN) this.socket.resume?.();
      },
      overflow: (queuedBytes) => {
        const { maxQueuedBytes } = this.options;
        this.end(new RealtimeBacklogError({ channel: this.channel, queuedBytes, maxQueuedBytes }));
      },
    };
  }

  [Symbol.asyncIterator](): AsyncIterator<E> {
    return {
      next: () => this.queue.next(),
      // `break` out of `for await` lands here: the session is closed, and the loop waits until it is.
      return: async () => {
        await this.close();
        return { value: undefined, done: true };
      },
    };
  }

  // --- sends out ---------------------------------------------------------------------------------------

  /** Sends a JSON message once the session is ready, waiting while the send buffer is full. */
  async sendMessage(message: ClientMessage<C>): Promise<void> {
    await this.sendable();
    await this.gate!.send(JSON.stringify(message));
    this.keepAlive.restart();
  }

  /** Sends a binary frame once the session is ready, waiting while the send buffer is full. */
  async sendBinary(bytes: Uint8Array): Promise<void> {
    await this.sendable();
    await this.gate!.send(bytes);
    this.keepAlive.restart();
  }

  /** Sends the channel's end message; the server finishes and closes, and the iterator ends after it. */
  async finish(): Promise<void> {
    const end = channels[this.channel].end;
    if (!end)
      throw new TypeError(`the ${this.channel} channel has no end message: close() the session instead`);
    await this.sendMessage({ type: end } as ClientMessage<C>);
    this.finishing = true;
    this.keepAlive.stop();
    this.armFinishTimer();
  }

  private async sendable(): Promise<void> {
    if (this.ending.signal.aborted) throw this.ending.signal.reason;
    await this.ready;
    if (this.ending.signal.aborted) throw this.ending.signal.reason;
  }

  private armFinishTimer(): void {
    const ms = this.options.finishTimeoutMs;
    this.timers.finish.start(ms, () => this.end(this.failures.timeout("finish", ms)));
  }

  // --- every way it ends -------------------------------------------------------------------------------

  /** Closes the session (code 1000) and resolves once the socket is closed. Events not yet read still come. */
  async close(): Promise<void> {
    this.end(undefined);
    await this.closed;
  }

  private onSocketError(event: unknown): void {
    if (this.ending.signal.aborted) {
      // We are closing it. undici (Node 20's, at least) closed while connecting reports errors and never a
      // close event, so an error after our close means the socket is done.
      this.released();
      return;
    }
    this.transportError = redactedCause(event);
    if (!this.opened) {
      // It never opened: refused, DNS, TLS, or an HTTP answer instead of the upgrade. undici fires no close
      // event then (nor changes readyState), so the error is the end.
      this.end(
        this.failures.connection(`could not be opened: ${this.transportError.message}`, this.transportError),
      );
      return;
    }
    this.endUnlessClosed();
  }

  /** Runtimes and servers follow an error with a close; should none come in time, the session still ends. */
  private endUnlessClosed(): void {
    this.timers.grace.start(CLOSE_GRACE_MS, () =>
      this.end(this.failureFromClose({ code: ABNORMAL_CLOSE, reason: "" })),
    );
  }

  private onClose(close: CloseInfo): void {
    this.end(this.failureFromClose(close));
    this.released();
  }

  private failureFromClose(close: CloseInfo): Error | undefined {
    const { serverMessage, isReady: ready, transportError } = this;
    return this.failures.fromClose(close, { serverMessage, ready, transportError });
  }

  /**
   * Ends the session once: `error` undefined is a clean end (events already received are still read), else
   * the iterator, `ready` and every waiting send reject with it; `drop` discards unread events (an abort).
   */
  private end(error: unknown, { drop = false } = {}): void {
    if (this.ending.signal.aborted) return;
    this.ending.abort(error ?? this.failures.connection("is closed"));
    this.detachSignal();
    for (const timer of Object.values(this.timers)) timer.stop();
    this.keepAlive.stop();
    this.settleReady.reject(error ?? this.failures.connection("was closed before the session was ready"));
    if (drop) this.queue.abort(error);
    else this.queue.end(error);
    if (!this.socket) this.released();
    else closeSocket(this.socket, { resume: this.queue.paused }, this.timers.grace, () => this.released());
  }

  private released(): void {
    this.timers.grace.stop();
    this.markClosed();
  }
}
