// The errors of a realtime session: what the server said (an error message, a close code), a connection that
// dropped or timed out, a consumer too slow to keep up, a frame that is no message, and audio we cannot convert.
import { CambError } from "@camb-kit/client";
import type { ChannelId } from "@camb-kit/client/spec";

// Fields are `declare`d and set through `init()` (redacted), as in every camb-kit error.

/** How a WebSocket connection ended: the close code and reason, when a close frame came. */
export interface CloseInfo {
  code: number;
  reason: string;
}

/**
 * The server ended the session on purpose: it sent its channel's error message, or closed with one of the
 * application codes the spec documents. Catch a subclass for a documented code.
 */
export class RealtimeServerError extends CambError {
  override readonly name: string = "RealtimeServerError";
  declare readonly channel: ChannelId;
  /** The close code that ended the session, when a close frame came. */
  declare readonly closeCode: number | undefined;
  declare readonly closeReason: string | undefined;
  /** The server's error message as it was sent, when it sent one. */
  declare readonly serverMessage: unknown;

  constructor(init: { channel: ChannelId; detail: string; close?: CloseInfo; serverMessage?: unknown }) {
    const { channel, detail, close, serverMessage } = init;
    super(`CAMB ${channel} session failed${close ? ` (close ${close.code})` : ""}: ${detail}`);
    this.init({ channel, closeCode: close?.code, closeReason: close?.reason, serverMessage });
  }
}

/** Close code `bad-request` (4400): a malformed first frame, a voice the key may not use, a language not served. */
export class RealtimeBadRequestError extends RealtimeServerError {
  override readonly name: string = "RealtimeBadRequestError";
}

/** Close code `unauthorized` (4401): the key is missing, wrong or revoked. */
export class RealtimeUnauthorizedError extends RealtimeServerError {
  override readonly name: string = "RealtimeUnauthorizedError";
}

/** Close code `payment-required` (4402): the account has not enough credits. */
export class RealtimePaymentRequiredError extends RealtimeServerError {
  override readonly name: string = "RealtimePaymentRequiredError";
}

/**
 * The connection failed or dropped: it could not be opened, it closed abnormally (1006: no close frame) or with
 * a code the spec does not document, or the runtime reported an error that no close followed. `closeCode` is
 * undefined when no close frame came. The URL in the message never carries the key.
 */
export class RealtimeConnectionError extends CambError {
  override readonly name: string = "RealtimeConnectionError";
  declare readonly channel: ChannelId;
  declare readonly url: string;
  declare readonly closeCode: number | undefined;
  declare readonly closeReason: string | undefined;

  constructor(init: { channel: ChannelId; url: string; detail: string; close?: CloseInfo; cause?: unknown }) {
    const { channel, url, detail, close, cause } = init;
    super(`CAMB ${channel} connection to ${url} ${detail}`, cause === undefined ? undefined : { cause });
    this.init({ channel, url, closeCode: close?.code, closeReason: close?.reason });
  }
}

/** What a session was waiting for when its time ran out. */
export type RealtimeWait = "open" | "ready" | "finish";

/**
 * A session waited too long: for the socket to open (`connectTimeoutMs`), for the server's ready message
 * (`readyTimeoutMs`), or for the server to finish after `finish()` (`finishTimeoutMs` of silence).
 */
export class RealtimeTimeoutError extends RealtimeConnectionError {
  override readonly name: string = "RealtimeTimeoutError";
  declare readonly waitingFor: RealtimeWait;
  declare readonly timeoutMs: number;

  constructor(init: { channel: ChannelId; url: string; waitingFor: RealtimeWait; timeoutMs: number }) {
    const { channel, url, waitingFor, timeoutMs } = init;
    super({ channel, url, detail: `timed out after ${timeoutMs} ms waiting for ${waitingFor}` });
    this.init({ waitingFor, timeoutMs });
  }
}

/**
 * The events nobody read grew past `maxQueuedBytes` on a runtime whose WebSocket cannot stop reading (the
 * standard API has no pause): the session is closed rather than let memory grow without bound.
 */
export class RealtimeBacklogError extends CambError {
  override readonly name: string = "RealtimeBacklogError";
  declare readonly channel: ChannelId;
  declare readonly queuedBytes: number;
  declare readonly maxQueuedBytes: number;

  constructor(init: { channel: ChannelId; queuedBytes: number; maxQueuedBytes: number }) {
    super(
      `CAMB ${init.channel} session closed: ${init.queuedBytes} bytes of events were waiting to be read (maxQueuedBytes ${init.maxQueuedBytes}); read events as they come, or raise the limit`,
    );
    this.init(init);
  }
}

/** The server sent a frame that is not a message of the channel (not JSON, no `type`, unexpected binary). */
export class RealtimeProtocolError extends CambError {
  override readonly name: string = "RealtimeProtocolError";
  declare readonly channel: ChannelId;

  constructor(init: { channel: ChannelId; detail: string }) {
    super(`CAMB ${init.channel} server sent ${init.detail}`);
    this.init({ channel: init.channel });
  }
}

/**
 * Audio input that cannot become what the session takes: a compressed or malformed WAV, an unsupported sample
 * format, or a session whose encoding camb-kit does not produce.
 */
export class AudioFormatError extends CambError {
  override readonly name: string = "AudioFormatError";
}
