// The errors a session ends with, built in one place with its channel and printable URL (never the key):
// what a close means (clean, a documented code, a drop, another code), timeouts, connections that failed.
import { redactSecrets } from "@camb-kit/client/internal";
import type { ChannelId } from "@camb-kit/client/spec";
import { serverFailure } from "../close-errors.js";
import {
  type CloseInfo,
  RealtimeConnectionError,
  RealtimeTimeoutError,
  type RealtimeWait,
} from "../errors.js";

// 1000: normal closure; 1005: a close frame without a code (RFC 6455 §7.1.5), which is still a clean close.
const CLEAN_CODES = new Set([1000, 1005]);
// 1006: no close frame at all (RFC 6455 §7.1.5): the connection dropped.
export const ABNORMAL_CLOSE = 1006;

/** A runtime's error as a cause an error may keep: its message only, redacted (it may quote the URL). */
export function redactedCause(cause: unknown): Error {
  const detail = (cause as { error?: { message?: unknown }; message?: unknown } | null) ?? {};
  const message = detail.error?.message ?? detail.message;
  return new Error(redactSecrets(typeof message === "string" && message ? message : "WebSocket error"));
}

export interface CloseContext {
  /** The server's error message, when one came before the close. */
  serverMessage: unknown;
  /** Whether the server's ready message came. */
  ready: boolean;
  /** What the runtime reported with its error event, redacted, when it sent one. */
  transportError: Error | undefined;
}

export class SessionFailures {
  constructor(
    private readonly channel: ChannelId,
    private readonly url: string,
  ) {}

  /** The error a close means, or undefined for a clean end. */
  fromClose(close: CloseInfo, context: CloseContext): Error | undefined {
    const { channel, url } = this;
    const { transportError } = context;
    const server = serverFailure(channel, close, context.serverMessage);
    if (server) return server;
    const cause = transportError ? { cause: transportError } : {};
    if (CLEAN_CODES.has(close.code)) {
      return context.ready
        ? undefined
        : this.connection("closed before the session was ready", undefined, close);
    }
    if (close.code === ABNORMAL_CLOSE) {
      const detail = transportError ? `failed: ${transportError.message}` : "dropped (no close frame)";
      return new RealtimeConnectionError({ channel, url, detail, close, ...cause });
    }
    const reason = close.reason ? `: ${close.reason}` : "";
    return new RealtimeConnectionError({
      channel,
      url,
      detail: `closed with code ${close.code}${reason}`,
      close,
      ...cause,
    });
  }

  connection(detail: string, cause?: Error, close?: CloseInfo): RealtimeConnectionError {
    return new RealtimeConnectionError({
      channel: this.channel,
      url: this.url,
      detail,
      ...(cause ? { cause } : {}),
      ...(close ? { close } : {}),
    });
  }

  timeout(waitingFor: RealtimeWait, timeoutMs: number): RealtimeTimeoutError {
    return new RealtimeTimeoutError({ channel: this.channel, url: this.url, waitingFor, timeoutMs });
  }
}
