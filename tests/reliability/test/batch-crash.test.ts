// `camb batch` killed with SIGKILL at 20 seeded random moments against a `camb sandbox` in another process,
// then run again until it ends: every job done exactly as in an uninterrupted run (the same files, each whole),
// and the sandbox's request log shows what the crashes cost: at most one task create per kill, and at most the
// streams in flight (the concurrency) sent again per kill.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import {
  auditOutputs,
  CREATE_OPERATIONS,
  countRequests,
  filesUnder,
  mixedJobs,
  STREAM_OPERATION,
  seededRandom,
  startBatch,
} from "./helpers/batch-run.js";
import { type SandboxProcess, startSandboxProcess } from "./helpers/camb-sandbox.js";

const KEY = "batch-crash-key-3e90a1";
const KILLS = 20;
const CONCURRENCY = 4;
const JOURNAL = ".camb-batch.jsonl";
/** Events a job makes on average (created, status, done, progress): spreads the kills over the whole batch. */
const EVENTS_PER_JOB = 4;

let sandbox: SandboxProcess | undefined;
let dir: string | undefined;
afterAll(async () => {
  await sandbox?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The journal and its lock are the batch's own; everything else is what the jobs wrote. */
const outputs = async (out: string) =>
  (await filesUnder(out)).filter((file) => !file.startsWith(JOURNAL) && !file.endsWith(".part"));

test(`${KILLS} SIGKILLs, then reruns: every job done as in an uninterrupted run, creates <= task jobs + kills, streams <= stream jobs + concurrency x kills`, async () => {
  // Latency spread over every answer, so a kill lands mid-create, mid-poll, mid-download or mid-stream.
  sandbox = await startSandboxProcess([
    "--api-key",
    KEY,
    "--pending-polls",
    "0",
    "--latency",
    "5-60",
    // Streams take longer to answer, so some kills catch them in flight.
    "--fault",
    `latency=200:${STREAM_OPERATION}`,
    "--seed",
    "16",
  ]);
  const env = { CAMB_API_KEY: KEY, CAMB_BASE_URL: sandbox.url };
  dir = await mkdtemp(join(tmpdir(), "camb-batch-crash-"));
  const jobs = mixedJobs(48, 6);
  const file = join(dir, "jobs.jsonl");
  await writeFile(file, jobs.text);
  const crashed = join(dir, "crashed");
  const reference = join(dir, "reference");
  await mkdir(crashed);
  const args = (out: string) => [
    file,
    "-o",
    out,
    "--concurrency",
    String(CONCURRENCY),
    "--poll-interval",
    "100",
  ];

  const random = seededRandom(16);
  let kills = 0;
  let finished: Awaited<ReturnType<typeof startBatch>["finished"]> | undefined;
  for (let run = 0; run < KILLS + 5 && !finished; run++) {
    const batch = startBatch(args(crashed), env);
    if (kills < KILLS) {
      // The moment is an event of this run, drawn once its start says how much is left: explicit, seeded, and
      // the process keeps running for the moment it takes the line to arrive here.
      let seen = 0;
      let killAt = Number.POSITIVE_INFINITY;
      batch.onEvent((event) => {
        seen++;
        if (event.type === "start") {
          const budget = Math.max(
            1,
            Math.round((EVENTS_PER_JOB * Number(event.pending)) / (KILLS - kills + 1)),
          );
          killAt = 1 + Math.floor(random() * budget * 2);
        }
        if (seen >= killAt && batch.child.exitCode === null) batch.child.kill("SIGKILL");
      });
    }
    const end = await batch.finished;
    if (end.signal === "SIGKILL") kills++;
    else {
      expect(end.code, end.stderr).toBe(0);
      if (kills === KILLS) finished = end;
    }
  }
  expect(kills).toBe(KILLS);
  expect(finished).toBeDefined();
  const summary = finished?.events.at(-1) as {
    type: string;
    total: number;
    done: number;
    skipped: number;
    failed: unknown[];
  };
  expect(summary).toMatchObject({ type: "summary", total: 48, failed: [] });
  expect(summary.done + summary.skipped).toBe(48);

  // What the crashes cost, counted by the sandbox before the uninterrupted run adds its own.
  const creates = await countRequests(sandbox.url, CREATE_OPERATIONS);
  const streams = await countRequests(sandbox.url, [STREAM_OPERATION]);
  console.log(
    `${KILLS} kills over ${jobs.taskJobs} task and ${jobs.streamJobs} stream jobs: ${creates} creates, ${streams} streams`,
  );
  expect(creates).toBeGreaterThanOrEqual(jobs.taskJobs);
  expect(creates).toBeLessThanOrEqual(jobs.taskJobs + KILLS);
  expect(streams).toBeGreaterThanOrEqual(jobs.streamJobs);
  expect(streams).toBeLessThanOrEqual(jobs.streamJobs + CONCURRENCY * KILLS);

  const uninterrupted = await startBatch(args(reference), env).finished;
  expect(uninterrupted.code, uninterrupted.stderr).toBe(0);
  expect(await countRequests(sandbox.url, CREATE_OPERATIONS)).toBe(creates + jobs.taskJobs);

  // The same files, each whole and decoding to the same audio, and no temp file a kill left behind.
  const files = await outputs(crashed);
  expect(files).toEqual(await outputs(reference));
  const afterCrashes = await auditOutputs(crashed, JOURNAL);
  const clean = await auditOutputs(reference, JOURNAL);
  expect(afterCrashes.broken).toEqual([]);
  expect(clean.broken).toEqual([]);
  expect(afterCrashes.audio.size).toBeGreaterThanOrEqual(48);
  expect(afterCrashes.audio).toEqual(clean.audio);
  expect((await filesUnder(crashed)).filter((name) => name.endsWith(".part"))).toEqual([]);
});
