// saveResult and saveSpeech against the sandbox: extensions, content-type checks, faults leaving nothing.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CambApiError, createCambClient, families } from "@camb-kit/client";
import type { FaultRule } from "@camb-kit/sandbox";
import { afterEach, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../../../tests/support/http-server.js";
import {
  HttpStatusError,
  IdleTimeoutError,
  saveResult,
  saveSpeech,
  UnexpectedContentTypeError,
} from "../src/index.js";
import { finishedRuns, requestsTo, sandbox } from "./helpers/sandbox.js";
import { entries, tempDir } from "./helpers/temp-dir.js";

const SPEECH = { text: "Saving speech straight to disk.", language: "en-us", voice_id: 147320 } as const;
let local: TestServer | undefined;
afterEach(async () => {
  await local?.close();
  local = undefined;
});

async function existingTarget(name: string) {
  const dir = await tempDir();
  const target = join(dir, name);
  await writeFile(target, "old");
  return { dir, target, unchanged: async () => (await readFile(target, "utf8")) === "old" };
}

describe("saveResult against the sandbox", () => {
  it("saves a tts result as FLAC, adding the family's extension to a bare path", async () => {
    const sb = await sandbox();
    const [runId] = await finishedRuns(sb.client, "tts", 1);
    const dir = await tempDir();
    const result = await saveResult(sb.client, "tts", runId!, join(dir, "speech"));
    expect(result.path).toBe(join(dir, "speech.flac"));
    expect(result.contentType).toBe("audio/flac");
    const file = await readFile(result.path);
    expect(file.length).toBe(result.bytes);
    expect(file.subarray(0, 4).toString()).toBe("fLaC");
    expect(await entries(dir)).toEqual(["speech.flac"]);
  });

  it("saves a text-to-sound result as WAV and keeps an explicit extension", async () => {
    const sb = await sandbox();
    const [runId] = await finishedRuns(sb.client, "text-to-sound", 1);
    const dir = await tempDir();
    const result = await saveResult(sb.client, "text-to-sound", runId!, join(dir, "rain.audio"));
    expect(result.path).toBe(join(dir, "rain.audio"));
    expect((await readFile(result.path)).subarray(0, 4).toString()).toBe("RIFF");
  });

  const faults: [string, FaultRule, (error: unknown) => void][] = [
    [
      "5xx",
      { route: "getSpeechResult", kind: "status", status: 503 },
      (e) => expect(e).toBeInstanceOf(CambApiError),
    ],
    [
      "reset",
      { route: "getSpeechResult", kind: "reset", afterBytes: 2000 },
      (e) => expect(e).toBeInstanceOf(Error),
    ],
    [
      "truncate",
      { route: "getSpeechResult", kind: "truncate", afterBytes: 2000 },
      (e) => expect(e).toBeInstanceOf(Error),
    ],
    [
      "stall",
      { route: "getSpeechResult", kind: "stall", afterBytes: 2000, ms: 60_000 },
      (e) => expect(e).toBeInstanceOf(IdleTimeoutError),
    ],
  ];
  for (const [name, fault, check] of faults) {
    it(`fault "${name}" leaves no temp file and the old target as it was`, async () => {
      const sb = await sandbox({ faults: [fault] });
      const [runId] = await finishedRuns(sb.client, "tts", 1);
      const { dir, target, unchanged } = await existingTarget("a.flac");
      const options = { idleTimeoutMs: 100, downloadAttempts: 2 };
      const error = await saveResult(sb.client, "tts", runId!, target, options).catch((e) => e);
      check(error);
      expect(await unchanged()).toBe(true);
      expect(await entries(dir)).toEqual(["a.flac"]);
      // A download is idempotent: tried again (each try a fresh save), and no more than downloadAttempts.
      expect(requestsTo(sb.requests, `/tts-result/${runId}`)).toHaveLength(2);
    });

    it(`a one-off "${name}" is retried: the save completes, atomically`, async () => {
      const sb = await sandbox({ faults: [{ ...fault, nth: 1 }] });
      const [runId] = await finishedRuns(sb.client, "tts", 1);
      const { dir, target } = await existingTarget("a.flac");
      const result = await saveResult(sb.client, "tts", runId!, target, { idleTimeoutMs: 100 });
      const file = await readFile(target);
      expect(file.subarray(0, 4).toString()).toBe("fLaC");
      expect(file.length).toBe(result.bytes);
      expect(await entries(dir)).toEqual(["a.flac"]);
    });
  }

  it("a JSON-result family (text-to-voice) saves every file its result points at, in a folder", async () => {
    const sb = await sandbox();
    const [runId] = await finishedRuns(sb.client, "text-to-voice", 1);
    const dir = join(await tempDir(), "voice");
    const saved = await saveResult(sb.client, "text-to-voice", runId!, dir);
    expect(saved.path).toBe(dir);
    const previews = saved.files.filter((file) => file.kind === "preview");
    expect(previews.map((file) => file.key)).toEqual([
      ["previews", 0],
      ["previews", 1],
      ["previews", 2],
    ]);
    expect(await entries(dir)).toEqual([
      "manifest.json",
      "preview-1.wav",
      "preview-2.wav",
      "preview-3.wav",
      "result.json",
    ]);
    for (const file of previews) {
      expect((await readFile(file.path)).subarray(0, 4).toString()).toBe("RIFF");
    }
    // The JSON is kept with each URL replaced by its file's name: no pre-signed query lands on disk.
    expect(JSON.parse(await readFile(join(dir, "result.json"), "utf8"))).toEqual({
      previews: ["preview-1.wav", "preview-2.wav", "preview-3.wav"],
    });
    // The previews come from pre-signed storage URLs: never with the key.
    const storage = sb.requests.filter((request) => request.path.startsWith("/_storage/"));
    expect(storage).toHaveLength(3);
    for (const request of storage) expect(request.headers).not.toHaveProperty("x-api-key");
  });

  it("a JSON result is saved all or nothing: a file that keeps failing leaves no folder and no file", async () => {
    // The third preview fails on every try (storage requests 3, 4 and 5 are its three attempts).
    const sb = await sandbox({ faults: [{ route: "storage", kind: "status", status: 500, nth: [3, 4, 5] }] });
    const [runId] = await finishedRuns(sb.client, "text-to-voice", 1);
    const parent = await tempDir();
    const error = await saveResult(sb.client, "text-to-voice", runId!, join(parent, "voice")).catch((e) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(await entries(parent)).toEqual([]);
  });

  it("refuses a JSON answer where audio was expected, before writing", async () => {
    local = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" }).end('{"output_url":"https://x"}');
    });
    const client = createCambClient({ apiKey: "k", baseUrl: local.url, retry: false });
    const { dir, target, unchanged } = await existingTarget("a.flac");
    const error = await saveResult(client, "tts", 7, target).catch((e) => e);
    expect(error).toBeInstanceOf(UnexpectedContentTypeError);
    expect(error.expected).toBe(families.tts.resultMediaType);
    expect(error.received).toBe("application/json");
    expect(await unchanged()).toBe(true);
    expect(await entries(dir)).toEqual(["a.flac"]);
  });
});

describe("saveSpeech against the sandbox", () => {
  it("streams /tts-stream to a file and reports the credits", async () => {
    const sb = await sandbox();
    const dir = await tempDir();
    const result = await saveSpeech(sb.client, SPEECH, join(dir, "hello.mp3"));
    expect(result.contentType).toBe("audio/mpeg");
    expect(typeof result.creditsRequired).toBe("number");
    expect((await readFile(result.path)).length).toBe(result.bytes);
    expect(result.bytes).toBeGreaterThan(0);
    expect(requestsTo(sb.requests, "/tts-stream")).toHaveLength(1);
  });

  const faults: FaultRule[] = [
    { route: "streamSpeech", kind: "status", status: 500 },
    { route: "streamSpeech", kind: "reset", afterBytes: 1000 },
    { route: "streamSpeech", kind: "truncate", afterBytes: 1000 },
    { route: "streamSpeech", kind: "stall", afterBytes: 1000, ms: 60_000 },
  ];
  for (const fault of faults) {
    it(`fault "${fault.kind}" leaves no temp file and the old target as it was`, async () => {
      const sb = await sandbox({ faults: [fault] });
      const { dir, target, unchanged } = await existingTarget("a.mp3");
      await expect(saveSpeech(sb.client, SPEECH, target, { idleTimeoutMs: 100 })).rejects.toThrow();
      expect(await unchanged()).toBe(true);
      expect(await entries(dir)).toEqual(["a.mp3"]);
    });
  }
});
