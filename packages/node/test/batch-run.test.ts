// A batch of mixed jobs against the sandbox over real HTTP: a file result, a multipart upload, parent-run
// families (one read per language, one whose create answers the files), a stream; then a rerun that sends nothing.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { OperationId } from "@camb-kit/client/spec";
import { beforeAll, describe, expect, test } from "vitest";
import { fileFromPath, parseBatchJobs, runBatch } from "../src/index.js";
import {
  type BatchWorld,
  batchWorld,
  createOf,
  createRequests,
  eventLog,
  exampleBody,
  FAST,
  filesUnder,
  finishedRun,
  type JobLine,
  jobsText,
  journalRecords,
  realWav,
  requestsOf,
  writeText,
} from "./helpers/batch-world.js";
import { expectRealMedia } from "./helpers/media-check.js";

let world: BatchWorld;
let lines: JobLine[];

beforeAll(async () => {
  world = await batchWorld();
  await realWav(world.camb, "text-to-sound", join(world.base, "clip.wav"));
  await writeText(join(world.base, "story.txt"), "Once upon a time, a small fox found a lantern.\n");
  const storyRun = await finishedRun(world.camb, "story", {
    ...exampleBody(createOf("story") as OperationId),
    file: await fileFromPath(join(world.base, "story.txt")),
  });
  const dubRun = await finishedRun(world.camb, "dub", exampleBody(createOf("dub") as OperationId));
  lines = [
    {
      id: "hello",
      operation: createOf("tts"),
      body: exampleBody(createOf("tts") as OperationId),
      output: "voices/hello",
    },
    {
      id: "rain",
      operation: createOf("text-to-sound"),
      body: exampleBody(createOf("text-to-sound") as OperationId),
      output: "sounds/rain.wav",
    },
    {
      id: "clip",
      operation: createOf("transcription"),
      body: { language: "en-us", media_file: "clip.wav" },
      output: "transcripts/clip",
    },
    {
      id: "story-es",
      operation: createOf("translated-story"),
      body: { target_language: 54 },
      path: { id: storyRun },
      output: "stories/es",
    },
    {
      id: "alt",
      operation: createOf("dub-alt-format"),
      body: { output_format: "wav" },
      path: { run_id: dubRun, language: "es-es" },
      output: "dubs/alt",
    },
    {
      id: "stream",
      operation: "streamSpeech",
      body: {
        text: "Streamed hello.",
        language: "en-us",
        voice_id: 147320,
        output_configuration: { format: "mp3" },
      },
      output: "streams/hello.mp3",
    },
  ];
});

describe("runBatch over every kind of job", () => {
  test("runs each job to its output, journals it, and a rerun skips them all without a request", async () => {
    const jobs = parseBatchJobs(jobsText(lines), { baseDir: world.base });
    const before = world.requests.length;
    const log = eventLog();
    const summary = await runBatch(world.camb, jobs, {
      outputDir: world.out,
      baseDir: world.base,
      concurrency: 3,
      onEvent: log.onEvent,
      ...FAST,
    });
    expect(summary).toMatchObject({
      total: 6,
      done: 6,
      failed: [],
      skipped: 0,
      possibleDuplicateCreates: 0,
      repeatedStreams: 0,
    });
    const sent = world.requests.slice(before);
    expect(summary.createsSent).toBe(createRequests(sent).length);
    expect(requestsOf(sent, "streamSpeech")).toHaveLength(1);
    // One create per task job, but the family whose create answers its files asks once more after SUCCESS.
    expect(createRequests(sent).length).toBeGreaterThanOrEqual(5);
    expect(requestsOf(sent, createOf("tts") as OperationId)).toHaveLength(1);

    await expectRealMedia(join(world.out, "voices/hello.flac"), "audio/flac");
    await expectRealMedia(join(world.out, "sounds/rain.wav"), "audio/wav");
    await expectRealMedia(join(world.out, "streams/hello.mp3"), "audio/mpeg");
    for (const folder of ["transcripts/clip", "stories/es", "dubs/alt"]) {
      const manifest = JSON.parse(await readFile(join(world.out, folder, "manifest.json"), "utf8"));
      expect(manifest.files.length, folder).toBeGreaterThan(0);
      for (const file of manifest.files) expect(existsSync(join(world.out, folder, file.path))).toBe(true);
      // Every file a result points at is downloaded: no pre-signed URL (a credential) is left on disk.
      const result = await readFile(join(world.out, folder, "result.json"), "utf8");
      expect(result, folder).not.toMatch(/https?:\/\//);
    }
    const files = await filesUnder(world.out);
    expect(files.filter((name) => name.endsWith(".part"))).toEqual([]);

    const records = await journalRecords(join(world.out, ".camb-batch.jsonl"));
    for (const { id } of lines) {
      const kinds = records.filter((record) => record.id === id).map((record) => record.t);
      expect(kinds[0], id).toBe("job");
      expect(kinds.at(-1), id).toBe("done");
    }
    const done = records.find((record) => record.id === "hello" && record.t === "done");
    expect(done).toMatchObject({
      output: join("voices", "hello.flac"),
      family: "tts",
      size: expect.any(Number),
    });

    expect(log.of("start")).toEqual([{ type: "start", total: 6, pending: 6, skipped: 0 }]);
    expect(
      log
        .of("done")
        .map((event) => event.id)
        .sort(),
    ).toEqual(lines.map((job) => job.id).sort());
    expect(log.of("created").length).toBeGreaterThanOrEqual(4);
    expect(log.of("status").some((event) => event.status === "SUCCESS")).toBe(true);
    const last = log.of("progress").at(-1)!;
    expect(last).toMatchObject({ done: 6, failed: 0, skipped: 0, total: 6, etaMs: 0 });
    expect(last.ratePerMin).toBeGreaterThan(0);
    expect(existsSync(join(world.out, ".camb-batch.jsonl.lock"))).toBe(false);

    // The rerun: every job is done already, so nothing at all is sent.
    const again = world.requests.length;
    const rerun = eventLog();
    const second = await runBatch(world.camb, jobs, {
      outputDir: world.out,
      baseDir: world.base,
      onEvent: rerun.onEvent,
      ...FAST,
    });
    expect(second).toMatchObject({ total: 6, done: 0, skipped: 6, failed: [], createsSent: 0 });
    expect(world.requests.length).toBe(again);
    expect(rerun.of("start")).toEqual([{ type: "start", total: 6, pending: 0, skipped: 6 }]);
  });
});
