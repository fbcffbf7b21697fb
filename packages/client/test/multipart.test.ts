// Multipart uploads on the wire: typed bodies become form parts a real parser (busboy) reads back as sent.
import { openAsBlob } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { createCambClient } from "../src/index.js";
import { formEntries } from "../src/multipart/form-entries.js";
import { MultipartBody } from "../src/multipart/multipart-body.js";
import { sha256, startUploadServer, type UploadServer } from "./helpers/multipart-server.js";

let server: UploadServer;
let dir: string;
beforeAll(async () => {
  server = await startUploadServer();
  dir = await mkdtemp(join(tmpdir(), "camb-multipart-"));
});
afterEach(() => {
  server.uploads.length = 0;
  vi.unstubAllGlobals();
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const client = () => createCambClient({ apiKey: "test-key", baseUrl: server.url, retry: false });
const audio = new Uint8Array(70_000).map((_, i) => (i * 31) % 251);

describe("a typed body is sent as multipart/form-data, with no bodySerializer", () => {
  test("text fields carry their values as text, and the file its name, type and bytes", async () => {
    const file = new File([audio], "voice.wav", { type: "audio/wav" });
    const { data, response } = await client().POST("/create-custom-voice", {
      body: { voice_name: "Mine", gender: 2, file, age: 30, enhance_audio: true },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual({ voice_id: 1 });
    const [upload] = server.uploads;
    expect(upload?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload?.parts).toEqual([
      { name: "voice_name", value: "Mine" },
      { name: "gender", value: "2" },
      { name: "file", filename: "voice.wav", type: "audio/wav", size: audio.length, sha256: sha256(audio) },
      { name: "age", value: "30" },
      { name: "enhance_audio", value: "true" },
    ]);
  });

  test("every part's length is known, so the request has a Content-Length and is not chunked", async () => {
    await client().POST("/create-custom-voice", {
      body: { voice_name: "Mine", gender: 1, file: new Blob([audio]) },
    });
    const [upload] = server.uploads;
    expect(upload?.headers["transfer-encoding"]).toBeUndefined();
    expect(Number(upload?.headers["content-length"])).toBe(upload?.bytes);
    // A Blob without a name is sent as browsers send one.
    expect(upload?.parts[2]).toMatchObject({ filename: "blob", type: "application/octet-stream" });
  });

  test("a file from disk (fs.openAsBlob) arrives whole, byte for byte", async () => {
    const path = join(dir, "reference.flac");
    const bytes = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7) % 256);
    await writeFile(path, bytes);
    const file = await openAsBlob(path, { type: "audio/flac" });
    await client().POST("/create-custom-voice", { body: { voice_name: "Disk", gender: 1, file } });
    expect(server.uploads[0]?.parts[2]).toEqual({
      name: "file",
      filename: "blob",
      type: "audio/flac",
      size: bytes.length,
      sha256: sha256(bytes),
    });
  });

  test("an array is one part per item, and an object is one JSON text part", async () => {
    const file = new File(["Once upon a time"], "story.txt", { type: "text/plain" });
    await client().POST("/story", { body: { file, source_language: 1, chosen_dictionaries: [3, 5, 8] } });
    const dictionaries = server.uploads[0]?.parts.filter((part) => part.name === "chosen_dictionaries");
    expect(dictionaries?.map((part) => part.value)).toEqual(["3", "5", "8"]);

    const options = { max_characters_in_segment: 42, max_reading_speed_in_cps: 17 };
    const media_file = new File([audio], "talk.mp3", { type: "audio/mpeg" });
    await client().POST("/transcribe", {
      body: { language: "en-us", media_file, formatting_options: options },
    });
    const part = server.uploads[1]?.parts.find((p) => p.name === "formatting_options");
    expect(JSON.parse(part?.value ?? "")).toEqual(options);
  });

  test("a multipart call without any file is multipart when its Content-Type says so (no boundary needed)", async () => {
    const body = { language: "en-us", media_url: "https://example.test/talk.mp3", run_audio_cleaning: false };
    const headers = { "Content-Type": "multipart/form-data" };
    await client().POST("/transcribe", { body, headers });
    const [upload] = server.uploads;
    expect(upload?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(Number(upload?.headers["content-length"])).toBe(upload?.bytes);
    expect(upload?.parts).toEqual([
      { name: "language", value: "en-us" },
      { name: "media_url", value: "https://example.test/talk.mp3" },
      { name: "run_audio_cleaning", value: "false" },
    ]);
  });

  test("an undefined field sends no part, and a JSON body with nested objects is still JSON", async () => {
    const file = new File([audio], "voice.wav");
    await client().POST("/create-custom-voice", {
      body: { voice_name: "Mine", gender: 1, file, description: undefined },
    });
    expect(server.uploads[0]?.parts.map((part) => part.name)).toEqual(["voice_name", "gender", "file"]);
    const body = {
      text: "Hi",
      voice_id: 1,
      language: "en-us",
      output_configuration: { format: "wav" },
    } as const;
    const { data } = await client().POST("/tts-stream", { body, parseAs: "stream" });
    await data?.cancel();
    expect(server.uploads[1]?.headers["content-type"]).toBe("application/json");
  });

  test("where a DOM is present (a browser), the runtime's own FormData is sent: it streams Files itself", async () => {
    vi.stubGlobal("document", {});
    const file = new File([audio], "voice.wav", { type: "audio/wav" });
    await client().POST("/create-custom-voice", { body: { voice_name: "Mine", gender: 1, file } });
    const [upload] = server.uploads;
    expect(upload?.headers["content-type"]).not.toContain("CambKitFormBoundary");
    expect(upload?.parts.map((part) => part.name)).toEqual(["voice_name", "gender", "file"]);
    expect(upload?.parts[2]).toMatchObject({
      filename: "voice.wav",
      size: audio.length,
      sha256: sha256(audio),
    });
    // A call with no file is sent as bytes, which a browser sends over any HTTP version.
    const body = { language: "en-us", media_url: "https://example.test/a.mp3" };
    await client().POST("/transcribe", { body, headers: { "Content-Type": "multipart/form-data" } });
    expect(server.uploads[1]?.parts.map((part) => part.value)).toEqual([
      "en-us",
      "https://example.test/a.mp3",
    ]);
  });
});

describe("the encoder writes what the runtime's FormData writes", () => {
  const awkward: [string, string | Blob][] = [
    ['quote"d', "line one\nline two\r\nline three"],
    ["new\nline", "ünïcødé ✓"],
    ["file", new File([audio], 'my "best"\ntake.wav', { type: "audio/wav" })],
    ["empty", ""],
  ];

  test("names, filenames and text with quotes, line breaks and non-ASCII parse back the same", async () => {
    const post = async (init: RequestInit) => {
      await (await fetch(server.url, { method: "POST", ...init })).text();
      return server.uploads.at(-1)?.parts;
    };
    const native = new FormData();
    for (const [name, value] of awkward) native.append(name, value);
    const theirs = await post({ body: native });
    const ours = new MultipartBody(awkward);
    const init = { body: ours.stream(null), headers: { "content-type": ours.type }, duplex: "half" };
    expect(await post(init as RequestInit)).toEqual(theirs);
    expect(theirs?.[0]).toEqual({ name: "quote%22d", value: "line one\r\nline two\r\nline three" });
  });

  test("its size is the exact number of bytes it streams", async () => {
    const body = new MultipartBody(formEntries({ a: "ü", b: [1, 2], c: new Blob([audio]), d: { x: 1 } }));
    const bytes = new Uint8Array(await new Response(body.stream(null)).arrayBuffer());
    expect(body.size).toBe(bytes.length);
    expect(body.replayable).toBe(true);
  });
});
