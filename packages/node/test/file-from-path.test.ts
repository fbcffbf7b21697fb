// fileFromPath through a real client over 127.0.0.1: a transcription of a file on disk, bytes and progress.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type CambClient, createCambClient, unwrap } from "@camb-kit/client";
import { mediaTypes } from "@camb-kit/client/spec";
import { afterEach, describe, expect, it } from "vitest";
import { fileFromPath, saveResult, type UploadProgress } from "../src/index.js";
import { type FormSink, startFormSink } from "./helpers/form-sink.js";
import { finishedRuns, requestsTo, sandbox } from "./helpers/sandbox.js";
import { bytes, sameBytes, tempDir } from "./helpers/temp-dir.js";

let sink: FormSink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

/** Every report is of the same total, and `sent` only grows, ending at it. */
function expectMonotoneToTotal(reports: readonly UploadProgress[], total: number) {
  expect(reports.length).toBeGreaterThan(0);
  expect(reports.every((report) => report.total === total)).toBe(true);
  for (let i = 1; i < reports.length; i++) expect(reports[i]!.sent).toBeGreaterThan(reports[i - 1]!.sent);
  expect(reports.at(-1)!.sent).toBe(total);
}

async function transcriptOf(client: CambClient, taskId: string) {
  for (let poll = 0; poll < 20; poll++) {
    const path = { task_id: taskId };
    const status = unwrap(await client.GET("/transcribe/{task_id}", { params: { path } }));
    if (status.status === "SUCCESS" && typeof status.run_id === "number") {
      const run = { run_id: status.run_id };
      return unwrap(await client.GET("/transcription-result/{run_id}", { params: { path: run } }));
    }
    if (status.status !== "PENDING") throw new Error(`transcription ended ${status.status}`);
  }
  throw new Error("transcription never finished");
}

/** A file of `size` test bytes in a fresh folder. */
async function testFile(name: string, size: number) {
  const path = join(await tempDir(), name);
  const content = bytes(size, 7);
  await writeFile(path, content);
  return { path, content };
}

describe("fileFromPath against the sandbox", () => {
  it("transcribes a speech file from disk: the sandbox reads the words it spoke, with a Content-Length", async () => {
    const sb = await sandbox();
    const [runId] = await finishedRuns(sb.client, "tts", 1);
    const saved = await saveResult(sb.client, "tts", runId!, join(await tempDir(), "speech"));
    const reports: UploadProgress[] = [];
    const media_file = await fileFromPath(saved.path, { onUploadProgress: (p) => reports.push(p) });
    expect(media_file.size).toBe(saved.bytes);
    const created = unwrap(await sb.client.POST("/transcribe", { body: { language: "en-us", media_file } }));
    const result = await transcriptOf(sb.client, created.task_id!);
    const segments = Array.isArray(result) ? result : "transcript" in result ? result.transcript : [];
    expect(Array.isArray(segments)).toBe(true);
    const words = (segments as { text: string }[]).map((segment) => segment.text).join(" ");
    // finishedRuns speaks "Run number 0.": the transcript gives back what the uploaded file carries.
    expect(words).toBe("Run number 0.");
    expectMonotoneToTotal(reports, saved.bytes);
    const [upload] = requestsTo(sb.requests, "/transcribe");
    expect(Number(upload!.headers["content-length"])).toBeGreaterThan(saved.bytes);
  });
});

describe("fileFromPath over a real multipart parser", () => {
  it("sends every byte of a 3 MiB file, its name, and the spec's media type for its extension", async () => {
    sink = await startFormSink();
    const client = createCambClient({ apiKey: "k", baseUrl: sink.url, retry: false });
    const { path, content } = await testFile("talk.WAV", 3 * 1024 * 1024 + 17);
    const reports: UploadProgress[] = [];
    const media_file = await fileFromPath(path, { onUploadProgress: (p) => reports.push(p) });
    unwrap(await client.POST("/transcribe", { body: { language: "en-us", media_file } }));
    const [upload] = sink.uploads;
    expect(Number(upload!.contentLength)).toBe(upload!.bodyBytes);
    const part = upload!.form.get("media_file") as File;
    expect(part.name).toBe("talk.WAV");
    const wav = (Object.keys(mediaTypes) as (keyof typeof mediaTypes)[]).find(
      (type) => mediaTypes[type].extension === "wav",
    );
    expect(part.type).toBe(wav);
    expect(sameBytes(new Uint8Array(await part.arrayBuffer()), content)).toBe(true);
    expectMonotoneToTotal(reports, content.length);
  });

  it("takes a name and type of the caller's, and sends an unknown extension as octet-stream", async () => {
    sink = await startFormSink();
    const client = createCambClient({ apiKey: "k", baseUrl: sink.url, retry: false });
    const { path } = await testFile("recording.unknownext", 1000);
    const plain = await fileFromPath(path);
    expect(plain.type).toBe("");
    const named = await fileFromPath(path, { name: "take-2.mp3", type: "audio/mpeg" });
    unwrap(await client.POST("/transcribe", { body: { language: "en-us", media_file: plain } }));
    unwrap(await client.POST("/transcribe", { body: { language: "en-us", media_file: named } }));
    const [first, second] = sink.uploads.map((upload) => upload.form.get("media_file") as File);
    expect([first!.name, first!.type]).toEqual(["recording.unknownext", "application/octet-stream"]);
    expect([second!.name, second!.type]).toEqual(["take-2.mp3", "audio/mpeg"]);
  });

  it("is sent again whole on a retry (the part is replayable), progress starting over for the new attempt", async () => {
    sink = await startFormSink((attempt, response) => {
      if (attempt === 1) response.writeHead(503, { "retry-after": "0" }).end();
      else response.writeHead(200, { "content-type": "application/json" }).end('{"task_id":"t"}');
    });
    const client = createCambClient({ apiKey: "k", baseUrl: sink.url, retry: { maxRetries: 2 } });
    const { path, content } = await testFile("retry.flac", 512 * 1024 + 3);
    const reports: UploadProgress[] = [];
    const media_file = await fileFromPath(path, { onUploadProgress: (p) => reports.push(p) });
    unwrap(await client.POST("/transcribe", { body: { language: "en-us", media_file } }));
    expect(sink.uploads).toHaveLength(2);
    for (const upload of sink.uploads) {
      const part = upload.form.get("media_file") as File;
      expect(sameBytes(new Uint8Array(await part.arrayBuffer()), content)).toBe(true);
    }
    const restart = reports.findIndex((report, i) => i > 0 && report.sent < reports[i - 1]!.sent);
    expect(restart).toBeGreaterThan(0);
    expectMonotoneToTotal(reports.slice(0, restart), content.length);
    expectMonotoneToTotal(reports.slice(restart), content.length);
  });

  it("is a real File: what reads Blobs natively gets the bytes on disk", async () => {
    const { path, content } = await testFile("native.mp4", 200_000);
    const file = await fileFromPath(path);
    expect(file).toBeInstanceOf(File);
    expect(file.type).toBe("video/mp4");
    const viaResponse = new Uint8Array(await new Response(file).arrayBuffer());
    expect(sameBytes(viaResponse, content)).toBe(true);
    expect(sameBytes(new Uint8Array(await file.slice(10, 20).arrayBuffer()), content.subarray(10, 20))).toBe(
      true,
    );
    expect(sameBytes(await readFile(path), content)).toBe(true);
  });
});
