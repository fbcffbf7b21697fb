// The exit code of every kind of failure, by error class: scripts branch on these, so each is pinned here.
import {
  CambApiError,
  CambConnectionError,
  CambError,
  CambMalformedResponseError,
  CambRedirectError,
  CambTimeoutError,
} from "@camb-kit/client";
import {
  BatchJournalError,
  BatchLockedError,
  BatchValidationError,
  IdleTimeoutError,
  MissingFileError,
  MissingFolderError,
  SourceNotAFileError,
  TargetExistsError,
  TargetNotAFileError,
  TruncatedStreamError,
  UnexpectedContentTypeError,
} from "@camb-kit/node";
import {
  MissingRunIdError,
  MissingTaskIdError,
  PaymentRequiredError,
  PollTimeoutError,
  TaskProcessingError,
  TaskTimedOutError,
  UnknownTaskStatusError,
} from "@camb-kit/polling";
import { CommanderError } from "commander";
import { expect, test } from "vitest";
import { ExitCode, exitCodeFor, InputError, InterruptedError } from "../src/exit-codes.js";
import { UndecodableAudioError } from "../src/inspect-audio.js";

const apiError = (status: number) =>
  new CambApiError({ status, body: "", headers: new Headers(), method: "GET", path: "/x" });
const call = { method: "GET", path: "/x" };
const payload = { status: "ERROR" as const };

const table: [string, unknown, number][] = [
  ["Ctrl-C", new InterruptedError("SIGINT"), ExitCode.interrupted],
  ["a bad argument", new InputError("--duration must be…"), ExitCode.badInput],
  ["a usage error", new CommanderError(1, "commander.unknownCommand", "unknown"), ExitCode.badInput],
  ["--help", new CommanderError(0, "commander.helpDisplayed", "help"), ExitCode.ok],
  ["a bad option value passed on (TypeError)", new TypeError("baseUrl must be a URL"), ExitCode.badInput],
  ["a bad option value passed on (RangeError)", new RangeError("Invalid intervalMs: 0"), ExitCode.badInput],
  ["a 400", apiError(400), ExitCode.badInput],
  ["a 422", apiError(422), ExitCode.badInput],
  ["a 401", apiError(401), ExitCode.apiError],
  ["a 500", apiError(500), ExitCode.apiError],
  ["no connection", new CambConnectionError({ ...call, requestSent: false, cause: null }), ExitCode.apiError],
  ["no headers in time", new CambTimeoutError({ ...call, timeoutMs: 1 }), ExitCode.apiError],
  ["a body that is not JSON", new CambMalformedResponseError(call), ExitCode.apiError],
  ["a redirect refused", new CambRedirectError({ ...call, status: 307, reason: "x" }), ExitCode.apiError],
  ["a body cut short", new TruncatedStreamError(10, 5), ExitCode.apiError],
  ["a stalled body", new IdleTimeoutError(1000), ExitCode.apiError],
  ["an answer that is not audio", new UnexpectedContentTypeError("audio", "text/html"), ExitCode.apiError],
  ["audio that does not decode", new UndecodableAudioError("not WAV"), ExitCode.apiError],
  ["a status the spec lacks", new UnknownTaskStatusError("t", { status: "NEW" }), ExitCode.apiError],
  ["SUCCESS without a run id", new MissingRunIdError("t", { status: "SUCCESS" }), ExitCode.apiError],
  ["a create without a task id", new MissingTaskIdError("tts", {}), ExitCode.apiError],
  ["an existing target", new TargetExistsError("a.wav"), ExitCode.badInput],
  ["a special file at the target", new TargetNotAFileError("/dev/x", "a FIFO"), ExitCode.badInput],
  ["a missing folder", new MissingFolderError("out", null), ExitCode.badInput],
  ["a missing upload", new MissingFileError("talk.wav", null), ExitCode.badInput],
  ["an upload that is a folder", new SourceNotAFileError("talks/", "a directory"), ExitCode.badInput],
  ["a task that failed", new TaskProcessingError("t", payload), ExitCode.taskFailed],
  ["a task the server timed out", new TaskTimedOutError("t", { status: "TIMEOUT" }), ExitCode.taskFailed],
  ["no credits", new PaymentRequiredError("t", { status: "PAYMENT_REQUIRED" }), ExitCode.taskFailed],
  [
    "our deadline",
    new PollTimeoutError({ elapsedMs: 1, attempts: 1, lastStatus: undefined }),
    ExitCode.taskFailed,
  ],
  ["a bad jobs file", new BatchValidationError([{ line: 3, message: "id repeats" }]), ExitCode.badInput],
  ["a damaged batch journal", new BatchJournalError("out/.j", 2, "not JSON"), ExitCode.badInput],
  ["a batch journal in use", new BatchLockedError("out/.j.lock", 42), ExitCode.badInput],
  ["any other CambError", new CambError("something"), ExitCode.apiError],
  ["anything else (a bug)", new Error("unexpected"), ExitCode.failure],
];

test.each(table)("%s exits with its code", (_, error, code) => {
  expect(exitCodeFor(error)).toBe(code);
});
