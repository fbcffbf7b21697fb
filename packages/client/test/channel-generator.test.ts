// The generator refuses an x-camb-channels entry that does not add up, naming the field, and the drift check
// covers channels.ts: each case edits a copy of the spec and runs scripts/generate.mjs on it.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { parse, stringify } from "yaml";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../../", import.meta.url));
const generate = join(root, "scripts/generate.mjs");

/** A parsed YAML document, edited in place. */
type Spec = any;

/** Runs `generate --check` on the spec as `edit` leaves it; resolves to the failure (exit code, stderr). */
async function checkEdited(edit: (spec: Spec) => void): Promise<{ code: number; stderr: string }> {
  const spec = parse(await readFile(join(root, "openapi/camb.yaml"), "utf8"));
  edit(spec);
  const file = join(await mkdtemp(join(tmpdir(), "camb-channels-")), "camb.yaml");
  await writeFile(file, stringify(spec));
  const failure = await run(process.execPath, [generate, "--check", "--spec", file]).then(
    () => ({ code: 0, stderr: "" }),
    (error: { code: number; stderr: string }) => error,
  );
  return { code: failure.code, stderr: failure.stderr };
}

describe("a malformed channel entry fails generation with a message naming it", () => {
  test.concurrent.each([
    [
      "a ready type that is not in the server union",
      (spec: Spec) => {
        spec["x-camb-channels"].liveSpeech.ready = "session.opened";
      },
      "x-camb-channels.liveSpeech.ready: session.opened is not a message type of the server union LiveSpeechServerMessage",
    ],
    [
      "an error type that is a client message",
      (spec: Spec) => {
        spec["x-camb-channels"].liveTranscription.error = "CloseStream";
      },
      "x-camb-channels.liveTranscription.error: CloseStream is not a message type of the server union",
    ],
    [
      "a keepAlive type that is not in the client union",
      (spec: Spec) => {
        spec["x-camb-channels"].liveTranscription.keepAlive = "Ping";
      },
      "x-camb-channels.liveTranscription.keepAlive: Ping is not a message type of the client union",
    ],
    [
      "a start type that the server sends",
      (spec: Spec) => {
        spec["x-camb-channels"].realtimeTranslation.start = "session.created";
      },
      "x-camb-channels.realtimeTranslation.start: session.created is not a message type of the client union",
    ],
    [
      "a key field the start message does not have",
      (spec: Spec) => {
        spec["x-camb-channels"].realtimeTranslation.auth = { message: "auth.key" };
      },
      "x-camb-channels.realtimeTranslation.auth.message: auth.key is not a field of the session.update message",
    ],
    [
      "audio in a message type the union lacks",
      (spec: Spec) => {
        spec["x-camb-channels"].realtimeTranslation.audioOut.message = "response.audio";
      },
      "x-camb-channels.realtimeTranslation.audioOut.message: response.audio is not a message type",
    ],
    [
      "a union member without a type const",
      (spec: Spec) => {
        spec.components.schemas.LiveSpeechTextDone.properties.type = { type: "string" };
      },
      "x-camb-channels.liveSpeech.clientMessage: components.schemas.LiveSpeechTextDone needs a required `type` with a string const",
    ],
    [
      "a run of a task family the spec does not have",
      (spec: Spec) => {
        spec["x-camb-channels"].liveSpeech.run = { family: "live-tts" };
      },
      "x-camb-channels.liveSpeech.run.family: live-tts is not a task family",
    ],
    [
      "a run of a family with no result to fetch it from",
      (spec: Spec) => {
        spec["x-camb-channels"].liveSpeech.run = { family: "dub-alt-format" };
      },
      "x-camb-channels.liveSpeech.run.family: dub-alt-format has no result operation",
    ],
    [
      "a run on a channel whose ready message has no run_id",
      (spec: Spec) => {
        spec["x-camb-channels"].liveTranscription.run = { family: "tts" };
      },
      "x-camb-channels.liveTranscription.run: the ready message Ready has no run_id",
    ],
    [
      "a close code outside the application range",
      (spec: Spec) => {
        spec["x-camb-channels"].liveSpeech.closeCodes = { 1008: "unauthorized" };
      },
      "x-camb-channels.liveSpeech.closeCodes: 1008 is not an application close code",
    ],
  ])("%s", async (_, edit, message) => {
    const { code, stderr } = await checkEdited(edit);
    expect(code).toBe(1);
    expect(stderr).toContain(`openapi/camb.yaml: ${message}`);
  });
});

test("an edited channel that was not regenerated fails the drift check, naming channels.ts", async () => {
  const { code, stderr } = await checkEdited((spec) => {
    spec["x-camb-channels"].liveSpeech.path = "/live-tts/v2";
  });
  expect(code).toBe(1);
  expect(stderr).toContain("packages/client/src/generated/channels.ts");
  expect(stderr).not.toContain("generated/schema.ts");
});
