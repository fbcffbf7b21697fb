// Turns the way a session ended (a close code, the server's error message) into the error class that says so,
// reading what each application code means from the spec's channel table.
import { type ChannelId, channels } from "@camb-kit/client/spec";
import {
  type CloseInfo,
  RealtimeBadRequestError,
  RealtimePaymentRequiredError,
  RealtimeServerError,
  RealtimeUnauthorizedError,
} from "./errors.js";

/** Every meaning a channel's close codes may have (a new one in the spec is a compile error here). */
type CloseMeaning =
  (typeof channels)[ChannelId]["closeCodes"][keyof (typeof channels)[ChannelId]["closeCodes"]];

const classByMeaning: Record<CloseMeaning, typeof RealtimeServerError> = {
  "bad-request": RealtimeBadRequestError,
  unauthorized: RealtimeUnauthorizedError,
  "payment-required": RealtimePaymentRequiredError,
};

/** The meaning the spec gives `code` on `channel`, if it documents one. */
export function closeMeaning(channel: ChannelId, code: number): CloseMeaning | undefined {
  return (channels[channel].closeCodes as Readonly<Record<string, CloseMeaning>>)[String(code)];
}

/** The text an error message of the server carries: its `message`, or the message of its `error` object. */
function serverDetail(message: unknown): string | undefined {
  const record = message as { message?: unknown; error?: { message?: unknown }; code?: unknown } | undefined;
  const text = record?.message ?? record?.error?.message;
  if (typeof text !== "string") return undefined;
  return typeof record?.code === "string" ? `${text} (${record.code})` : text;
}

/**
 * The error for a session the server ended: the class of its documented close code, else the plain
 * `RealtimeServerError`; undefined when neither a documented code nor an error message says it failed.
 */
export function serverFailure(
  channel: ChannelId,
  close: CloseInfo | undefined,
  serverMessage: unknown,
): RealtimeServerError | undefined {
  const meaning = close ? closeMeaning(channel, close.code) : undefined;
  if (!meaning && serverMessage === undefined) return undefined;
  const ErrorClass = meaning ? classByMeaning[meaning] : RealtimeServerError;
  const detail = serverDetail(serverMessage) ?? (close?.reason || meaning) ?? "the server sent an error";
  return new ErrorClass({
    channel,
    detail,
    ...(close ? { close } : {}),
    ...(serverMessage === undefined ? {} : { serverMessage }),
  });
}
