// `camb batch` through the built binary, against a sandbox that keeps its state between runs: a mixed jobs
// file saved whole, a rerun that creates nothing, a bad line that spends nothing, --retry-failed, --json events.
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { families, operations } from "@camb-kit/client/spec";
import { type RunningSandbox, startSandbox } from "@camb-kit/sandbox";
import { afterEach, describe, expect, test } from "vitest";
import { ExitCode } from "../src/exit-codes.js";
import { inspectAudio } from "../src/inspect-audio.js";
import { camb } from "./helpers/run-bin.js";

const KEY = "batch-cli-key-7d21e9";
let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const createOf = (family: keyof typeof families) => families[family].operations.create;
const CREATES = new Set(
  Object.entries(operations)
    .filter(([, operation]) => operation.tasks.some((task) => task.role === "create"))
    .map(([id]) => id),
);
const speech = (i: number) => ({ text: `Batch line ${i}.`, voice_id: 147320, language: 1 });
const stream = {
  text: "A streamed line.",
  language: "en-us",
  voice_id: 147320,
  output_configuration: { format: "wav" },
};

/** A jobs file of these jobs in a fresh folder, and an output folder beside it. */
async function jobsFile(jobs: readonly object[], raw: string[] = []) {
  const dir = await mkdtemp(join(tmpdir(), "camb-batch-"));
  const file = join(dir, "jobs.jsonl");
  await writeFile(file, `${[...jobs.map((job) => JSON.stringify(job)), ...raw].join("\n")}\n`);
  return { dir, file, out: join(dir, "out") };
}

async function serve(options: Parameters<typeof startSandbox>[0] = {}) {
  sandbox = await startSandbox({ port: 0, pendingPolls: 0, ...options });
  return { CAMB_API_KEY: KEY, CAMB_BASE_URL: sandbox.url };
}

const creates = () => sandbox?.requests.filter((request) => CREATES.has(request.operationId ?? "")).length;
const fast = ["--poll-interval", "50"];

describe("camb batch", () => {
  test("runs a mixed jobs file: every output saved whole; a rerun skips them all and creates nothing", async () => {
    const env = await serve();
    const { file, out } = await jobsFile([
      { id: "a", operation: createOf("tts"), body: speech(1), output: "speech/a.flac" },
      {
        id: "b",
        operation: createOf("text-to-sound"),
        body: { prompt: "rain", duration: 1 },
        output: "b.wav",
      },
      {
        id: "c",
        operation: createOf("text-to-voice"),
        body: {
          text: "Hello there",
          voice_description:
            "A calm, warm narrator voice, speaking slowly and clearly, like a late-night radio host telling a story.",
        },
        output: "voices/c",
      },
      { id: "d", operation: "streamSpeech", body: stream, output: "d.wav" },
    ]);
    const first = await camb(["batch", file, "-o", out, ...fast], env);
    expect(first.stderr).toContain("batch: 4 job(s), 4 to run, 0 already done");
    expect(first.code).toBe(ExitCode.ok);
    expect(first.stdout).toMatch(/^4 job\(s\) in .*: 4 done, 0 failed, 0 skipped/);
    expect(first.stdout).toContain("3 task create(s) sent");
    expect((await inspectAudio(join(out, "speech/a.flac"))).format).toBe("flac");
    expect((await inspectAudio(join(out, "b.wav"))).durationSeconds).toBeCloseTo(1, 1);
    expect((await inspectAudio(join(out, "d.wav"))).format).toBe("wav");
    const voices = await readdir(join(out, "voices/c"));
    expect(voices).toContain("manifest.json");
    expect(creates()).toBe(3);

    const again = await camb(["batch", file, "-o", out, ...fast], env);
    expect(again.code).toBe(ExitCode.ok);
    expect(again.stdout).toMatch(/4 job\(s\) in .*: 0 done, 0 failed, 4 skipped/);
    expect(creates()).toBe(3);
    expect(sandbox?.requests.filter((request) => request.operationId === "streamSpeech")).toHaveLength(1);
  });

  test("a bad line is reported with its number before anything is sent (exit 2)", async () => {
    const env = await serve();
    const { file, out } = await jobsFile(
      [
        { id: "a", operation: createOf("tts"), body: speech(1), output: "a.flac" },
        { id: "a", operation: createOf("tts"), body: speech(2), output: "again.flac" },
        { id: "c", operation: "noSuchOperation", body: {}, output: "c.flac" },
      ],
      ["{ not json"],
    );
    const result = await camb(["batch", file, "-o", out], env);
    expect(result.code).toBe(ExitCode.badInput);
    expect(result.stderr).toMatch(/line 2\b.*\n/);
    expect(result.stderr).toMatch(/line 3\b/);
    expect(result.stderr).toMatch(/line 4\b/);
    expect(sandbox?.requests).toEqual([]);

    const json = await camb(["batch", file, "-o", out, "--json"], env);
    expect(json.code).toBe(ExitCode.badInput);
    const invalid = JSON.parse(json.stdout.trim());
    expect(invalid.type).toBe("invalid");
    expect(invalid.problems.map((problem: { line: number }) => problem.line)).toEqual([2, 3, 4]);
    expect(sandbox?.requests).toEqual([]);
  });

  test("failed jobs exit 5 with their reasons; a rerun leaves them, --retry-failed runs only them", async () => {
    // The first create of a sound is refused (a 400 is not tried again): that job fails, and is fine run again.
    const env = await serve({
      faults: [{ route: createOf("text-to-sound"), kind: "status", status: 400, nth: 1 }],
    });
    const { file, out } = await jobsFile([
      { id: "ok", operation: createOf("tts"), body: speech(1), output: "ok.flac" },
      {
        id: "broken",
        operation: createOf("tts"),
        body: { ...speech(2), text: "[sandbox:error] no" },
        output: "x.flac",
      },
      { id: "flaky", operation: createOf("text-to-sound"), body: { prompt: "rain" }, output: "flaky.wav" },
    ]);
    const first = await camb(["batch", file, "-o", out, ...fast], env);
    expect(first.code).toBe(ExitCode.batchIncomplete);
    expect(first.stdout).toMatch(/1 done, 2 failed/);
    expect(first.stdout).toMatch(/failed broken: .+ \(ERROR\)/);
    expect(first.stdout).toMatch(/failed flaky: .+/);
    expect(first.stdout).toContain("--retry-failed");
    expect(first.stderr).toMatch(/failed broken: /);
    const afterFirst = creates() ?? 0;

    const rerun = await camb(["batch", file, "-o", out, ...fast], env);
    expect(rerun.code).toBe(ExitCode.batchIncomplete);
    expect(rerun.stdout).toMatch(/0 done, 2 failed, 1 skipped/);
    expect(creates()).toBe(afterFirst);

    const retried = await camb(["batch", file, "-o", out, "--retry-failed", ...fast], env);
    expect(retried.code).toBe(ExitCode.batchIncomplete);
    expect(retried.stdout).toMatch(/1 done, 1 failed, 1 skipped/);
    expect(creates()).toBe(afterFirst + 2);
    expect((await inspectAudio(join(out, "flaky.wav"))).format).toBe("wav");
    expect((await readdir(out)).filter((name) => !name.startsWith(".")).sort()).toEqual([
      "flaky.wav",
      "ok.flac",
    ]);
  });

  test("--json prints every event as one JSON line on stdout, then the summary", async () => {
    const env = await serve();
    const { file, out } = await jobsFile([
      { id: "a", operation: createOf("tts"), body: speech(1), output: "a.flac" },
      { id: "s", operation: "streamSpeech", body: stream, output: "s.wav" },
    ]);
    const result = await camb(["batch", file, "-o", out, "--json", ...fast], env);
    expect(result.code).toBe(ExitCode.ok);
    const events = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(events[0]).toEqual({ type: "start", total: 2, pending: 2, skipped: 0 });
    expect(events.filter((event) => event.type === "created")).toEqual([
      { type: "created", id: "a", taskId: expect.any(String) },
    ]);
    expect(
      events
        .filter((event) => event.type === "done")
        .map((event) => event.id)
        .sort(),
    ).toEqual(["a", "s"]);
    const progress = events.filter((event) => event.type === "progress");
    expect(progress.at(-1)).toMatchObject({ done: 2, failed: 0, skipped: 0, total: 2 });
    expect(events.at(-1)).toMatchObject({
      type: "summary",
      total: 2,
      done: 2,
      failed: [],
      skipped: 0,
      createsSent: 1,
    });
    expect(result.stdout).not.toContain(KEY);
  });

  test("bad options exit 2 before anything is read", async () => {
    const missing = await camb(["batch", join(tmpdir(), "no-such-jobs.jsonl"), "-o", tmpdir()], {});
    expect(missing.code).toBe(ExitCode.badInput);
    expect(missing.stderr).toContain("cannot read the jobs file");
    const zero = await camb(["batch", "jobs.jsonl", "-o", tmpdir(), "--concurrency", "0"], {});
    expect(zero.code).toBe(ExitCode.badInput);
    expect(zero.stderr).toContain("--concurrency must be a positive integer");
  });
});
