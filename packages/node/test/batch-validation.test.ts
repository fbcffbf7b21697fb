// A jobs file is checked whole before anything is spent: every problem reported on its line, nothing sent.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { OperationId } from "@camb-kit/client/spec";
import { describe, expect, test } from "vitest";
import { BatchValidationError, parseBatchJobs, runBatch } from "../src/index.js";
import { batchWorld, createOf, exampleBody, FAST, jobsText, writeText } from "./helpers/batch-world.js";

const speech = () => exampleBody(createOf("tts") as OperationId);

/** The problems parseBatchJobs throws for `text`, as `line: message` pairs. */
function problemsOf(text: string, baseDir?: string) {
  try {
    parseBatchJobs(text, baseDir ? { baseDir } : {});
  } catch (error) {
    expect(error).toBeInstanceOf(BatchValidationError);
    return (error as BatchValidationError).problems;
  }
  throw new Error("expected a BatchValidationError");
}

describe("parseBatchJobs", () => {
  test("reads one job a line, blank lines ignored, each with its line number", () => {
    const text = `\n${JSON.stringify({ id: "a", operation: createOf("tts"), body: speech(), output: "a" })}\n\n  \n${JSON.stringify({ id: "b", operation: createOf("text-to-sound"), body: exampleBody(createOf("text-to-sound") as OperationId), output: "sounds/b.wav" })}\n`;
    const jobs = parseBatchJobs(text);
    expect(jobs.map((job) => [job.id, job.line])).toEqual([
      ["a", 2],
      ["b", 5],
    ]);
    expect(jobs[0]).not.toHaveProperty("path");
  });

  test("reports every problem of the file at once, each on its line", async () => {
    const { base } = await batchWorld();
    await writeText(join(base, "notes.txt"), "a folder is not a file");
    const tts = createOf("tts");
    const transcribe = createOf("transcription");
    const lines = [
      "{ not json",
      JSON.stringify({ id: "ok", operation: tts, body: speech(), output: "ok" }),
      JSON.stringify({ id: "ok", operation: tts, body: speech(), output: "other" }),
      JSON.stringify({ id: "op", operation: "listVoices", body: {}, output: "x" }),
      JSON.stringify({ id: "body", operation: tts, body: { ...speech(), voice_id: "Fox" }, output: "body" }),
      JSON.stringify({ id: "abs", operation: tts, body: speech(), output: "/etc/passwd" }),
      JSON.stringify({ id: "up", operation: tts, body: speech(), output: "../up" }),
      JSON.stringify({ id: "same", operation: tts, body: speech(), output: "OK.flac" }),
      JSON.stringify({
        id: "file",
        operation: transcribe,
        body: { language: "en-us", media_file: "missing.wav" },
        output: "t",
      }),
      JSON.stringify({
        id: "parent",
        operation: createOf("translated-story"),
        body: { target_language: 54 },
        output: "ts",
      }),
      JSON.stringify({ id: "typo", operation: tts, body: speech(), outptu: "x" }),
      JSON.stringify({
        id: "folder",
        operation: createOf("dub"),
        body: exampleBody(createOf("dub") as OperationId),
        output: "dub",
      }),
      JSON.stringify({ id: "inside", operation: tts, body: speech(), output: "dub/inside.flac" }),
    ];
    const problems = problemsOf(lines.join("\n"), base);
    const byLine = (line: number) => problems.filter((p) => p.line === line).map((p) => p.message);
    expect(byLine(1)).toEqual([expect.stringContaining("not a JSON object")]);
    expect(byLine(2)).toEqual([]);
    expect(byLine(3)).toEqual([expect.stringContaining('"ok" is also the id of line 2')]);
    expect(byLine(4)).toEqual([expect.stringContaining("not a task's create operation or a stream")]);
    expect(byLine(5)).toEqual([expect.stringContaining("body.voice_id")]);
    expect(byLine(6)).toEqual([expect.stringContaining("must be relative")]);
    expect(byLine(7)).toEqual([expect.stringContaining('must not leave the output folder ("..")')]);
    // tts results are .flac files: "ok" is written as ok.flac, which OK.flac collides with (case folded).
    expect(byLine(8)).toEqual([expect.stringContaining("is also the output of line 2 (ok)")]);
    expect(byLine(9)).toEqual([expect.stringContaining(`no file at ${join(base, "missing.wav")}`)]);
    expect(byLine(10)).toEqual([expect.stringContaining("path.id: required")]);
    expect(byLine(11)).toEqual([expect.stringContaining("unknown field(s) outptu")]);
    expect(byLine(12)).toEqual([]);
    expect(byLine(13)).toEqual([expect.stringContaining('is inside "dub", the output of line 12')]);
    expect(problems.map((p) => p.line)).toEqual([...problems.map((p) => p.line)].sort((a, b) => a - b));
    expect(problems.find((p) => p.line === 5)?.id).toBe("body");
  });

  test("a file field that names a folder, and a result read per language with none given, are problems", async () => {
    const { base } = await batchWorld();
    const lines = [
      JSON.stringify({
        id: "dir",
        operation: createOf("audio-separation"),
        body: { media_file: "." },
        output: "d",
      }),
      JSON.stringify({
        id: "lang",
        operation: createOf("translated-story"),
        body: {},
        path: { id: 3 },
        output: "story",
      }),
    ];
    const problems = problemsOf(lines.join("\n"), base);
    expect(problems.filter((p) => p.line === 1).map((p) => p.message)).toEqual([
      expect.stringContaining("is not a regular file"),
    ]);
    const second = problems.filter((p) => p.line === 2).map((p) => p.message);
    expect(second).toContainEqual(expect.stringContaining("target_language"));
  });
});

describe("runBatch validation", () => {
  test("a bad job stops the batch before its first request, with no journal written", async () => {
    const world = await batchWorld();
    const tts = createOf("tts");
    const jobs = parseBatchJobs(
      jobsText([
        { id: "a", operation: tts, body: speech(), output: "a" },
        { id: "b", operation: tts, body: speech(), output: "b" },
      ]),
    );
    jobs[1]!.body = { text: "" };
    const run = runBatch(world.camb, jobs, { outputDir: world.out, ...FAST });
    await expect(run).rejects.toBeInstanceOf(BatchValidationError);
    await run.catch((error: BatchValidationError) => {
      expect(error.problems.every((p) => p.line === 2 && p.id === "b")).toBe(true);
    });
    expect(world.requests).toEqual([]);
    expect(existsSync(join(world.out, ".camb-batch.jsonl"))).toBe(false);
  });

  test("an output that is the journal's own path is refused", async () => {
    const world = await batchWorld();
    const jobs = parseBatchJobs(
      jobsText([
        {
          id: "j",
          operation: createOf("text-to-voice"),
          body: exampleBody(createOf("text-to-voice") as OperationId),
          output: ".camb-batch.jsonl",
        },
      ]),
    );
    await expect(runBatch(world.camb, jobs, { outputDir: world.out })).rejects.toMatchObject({
      problems: [{ line: 1, id: "j", message: expect.stringContaining("the batch's journal") }],
    });
    expect(world.requests).toEqual([]);
  });

  test("bad options are a RangeError or TypeError", async () => {
    const world = await batchWorld();
    await expect(runBatch(world.camb, [], { outputDir: world.out, concurrency: 0 })).rejects.toBeInstanceOf(
      RangeError,
    );
    await expect(runBatch(world.camb, [], { outputDir: "" })).rejects.toBeInstanceOf(TypeError);
    await expect(
      runBatch(world.camb, [], { outputDir: world.out, retry: { attempts: 0 } }),
    ).rejects.toBeInstanceOf(RangeError);
  });
});
