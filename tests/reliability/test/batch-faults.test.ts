// `camb batch` over 1,000 jobs (every task family in turn, one in ten a stream) against a sandbox that faults
// about 10% of requests in every way it can: every job ends done or failed with a clear reason, no partial or
// temp file is left, the process ends by itself, and its memory stays flat from the first hundreds of jobs on.
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningSandbox, startSandbox } from "@camb-kit/sandbox";
import { afterAll, expect, test } from "vitest";
import { faultMix } from "./helpers/batch-faults.js";
import { auditOutputs, filesUnder, mixedJobs, startBatch } from "./helpers/batch-run.js";

const KEY = "batch-faults-key-0b7d55";
const JOBS = 1000;
const JOURNAL = ".camb-batch.jsonl";

/** The batch process's resident memory now, from /proc (Linux, as CI is). */
async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kib = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]);
  return kib / 1024;
}

let sandbox: RunningSandbox | undefined;
let dir: string | undefined;
afterAll(async () => {
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test(`${JOBS} jobs, 10% of requests faulted: each done or failed with a reason, nothing partial, no hang, flat memory`, async () => {
  sandbox = await startSandbox({ port: 0, seed: 7, apiKeys: [KEY], pendingPolls: 0, faults: faultMix(0.1) });
  dir = await mkdtemp(join(tmpdir(), "camb-batch-faults-"));
  const jobs = mixedJobs(JOBS, 10, 97);
  const file = join(dir, "jobs.jsonl");
  await writeFile(file, jobs.text);
  const out = join(dir, "out");

  const batch = startBatch([file, "-o", out, "--concurrency", "32", "--poll-interval", "100"], {
    CAMB_API_KEY: KEY,
    CAMB_BASE_URL: sandbox.url,
  });
  const pid = batch.child.pid as number;
  // Memory is read as the jobs settle (an explicit signal, not a timer): settled count → RSS in MiB.
  const samples: Promise<[number, number]>[] = [];
  batch.onEvent((event) => {
    if (event.type !== "progress") return;
    const settled = Number(event.done) + Number(event.failed);
    if (settled % 25 === 0)
      samples.push(
        rssMiB(pid).then(
          (rss) => [settled, rss] as [number, number],
          () => [settled, Number.NaN],
        ),
      );
  });
  const end = await batch.finished; // no timeout of its own: a hang is caught by the test's limit
  const summary = end.events.at(-1) as {
    type: string;
    total: number;
    done: number;
    skipped: number;
    failed: { id: string; reason: string; code: string }[];
  };
  expect(summary.type).toBe("summary");
  expect(end.code).toBe(summary.failed.length === 0 ? 0 : 5);
  expect(summary.done + summary.failed.length).toBe(JOBS);
  expect(summary.skipped).toBe(0);
  for (const failure of summary.failed) {
    expect(failure.code).toMatch(/^([A-Z][A-Za-z]+|[A-Z_]+)$/); // a status of the spec or an error class
    expect(failure.reason.length).toBeGreaterThan(10);
    expect(failure.reason).not.toMatch(/\[object|undefined/);
  }
  // The jobs made to fail did, with the task's own status and reason.
  const failedById = new Map(summary.failed.map((failure) => [failure.id, failure]));
  for (const id of jobs.failing) {
    expect(failedById.get(id)?.code, id).toBe("ERROR");
    expect(failedById.get(id)?.reason).toContain("PROCESSING_ERROR");
  }
  // The faults were there and most jobs got through them anyway.
  expect(sandbox.requests.length).toBeGreaterThan(JOBS * 3);
  expect(summary.done / JOBS).toBeGreaterThanOrEqual(0.9);
  expect(`${end.stderr}${JSON.stringify(end.events)}`).not.toContain(KEY);

  // Nothing partial: no temp file, no output of a failed job, every output whole.
  const files = await filesUnder(out);
  expect(files.filter((name) => name.endsWith(".part"))).toEqual([]);
  const done = end.events.filter((event) => event.type === "done").map((event) => String(event.id));
  expect(new Set(done).size).toBe(summary.done);
  for (const id of failedById.keys()) {
    const output = join(out, jobs.outputs.get(id) as string);
    expect(
      await stat(output).then(
        () => "exists",
        () => "absent",
      ),
      output,
    ).toBe("absent");
  }
  const audit = await auditOutputs(out, JOURNAL);
  expect(audit.broken).toEqual([]);
  expect(audit.audio.size).toBeGreaterThanOrEqual(summary.done);

  // Flat memory: what the process holds once warmed up (the second quarter of the jobs) is what it holds in
  // the last quarter. Medians, not extremes: a single sample taken just before a GC says nothing about a
  // leak, while a leak per job moves the whole last quarter up (a 40 MiB rise is ~80 KiB kept per job).
  const rss = (await Promise.all(samples)).filter(([, mib]) => Number.isFinite(mib));
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  const warm = rss.filter(([settled]) => settled >= JOBS / 4 && settled <= JOBS / 2).map(([, mib]) => mib);
  const late = rss.filter(([settled]) => settled > (3 * JOBS) / 4).map(([, mib]) => mib);
  expect(warm.length).toBeGreaterThan(0);
  expect(late.length).toBeGreaterThan(0);
  const growth = median(late) - median(warm);
  console.log(
    `batch RSS: warm median ${median(warm).toFixed(1)} MiB, late median ${median(late).toFixed(1)} MiB`,
  );
  expect(growth).toBeLessThan(40);
});
