// The exit code of every way a live session fails, by error class: scripts branch on these, so each is pinned.
import {
  AudioFormatError,
  RealtimeBacklogError,
  RealtimeBadRequestError,
  RealtimeConnectionError,
  RealtimePaymentRequiredError,
  RealtimeProtocolError,
  RealtimeServerError,
  RealtimeTimeoutError,
  RealtimeUnauthorizedError,
} from "@camb-kit/realtime";
import { expect, test } from "vitest";
import { ExitCode, exitCodeFor } from "../src/exit-codes.js";

const channel = "liveSpeech" as const;
const url = "ws://127.0.0.1:1/live-tts/ws";
const closed = (code: number) => ({ channel, detail: "closed", close: { code, reason: "" } });

const table: [string, unknown, number][] = [
  ["a first frame the server refused (4400)", new RealtimeBadRequestError(closed(4400)), ExitCode.badInput],
  ["a key the server refused (4401)", new RealtimeUnauthorizedError(closed(4401)), ExitCode.apiError],
  ["no credits (4402)", new RealtimePaymentRequiredError(closed(4402)), ExitCode.apiError],
  ["the server's error message", new RealtimeServerError({ channel, detail: "boom" }), ExitCode.apiError],
  [
    "a dropped connection",
    new RealtimeConnectionError({ channel, url, detail: "dropped" }),
    ExitCode.apiError,
  ],
  [
    "no ready message in time",
    new RealtimeTimeoutError({ channel, url, waitingFor: "ready", timeoutMs: 1 }),
    ExitCode.apiError,
  ],
  [
    "a frame that is no message",
    new RealtimeProtocolError({ channel, detail: "not JSON" }),
    ExitCode.apiError,
  ],
  [
    "events nobody read",
    new RealtimeBacklogError({ channel, queuedBytes: 2, maxQueuedBytes: 1 }),
    ExitCode.apiError,
  ],
  ["audio that cannot be sent (compressed WAV)", new AudioFormatError("MP3 in WAV"), ExitCode.badInput],
];

test.each(table)("%s exits with its code", (_, error, code) => {
  expect(exitCodeFor(error)).toBe(code);
});
