// Runs `jobs` jobs (create, wait, save; the families in turn) against a faulty sandbox at the library's
// default settings, then audits what they left: completion, hangs, temp or partial files, wrong sizes,
// untyped failures, and the key in any error or output. Used by the test (a few hundred jobs) and the
// benchmark (1,000).
import { execFile } from "node:child_process";
import { mkdir, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect, promisify } from "node:util";
import { CambError, createCambClient, families } from "@camb-kit/client";
import { saveResult } from "@camb-kit/node";
import { createAndWait } from "@camb-kit/polling";
import { startSandbox } from "@camb-kit/sandbox";
import { faultMix } from "./faults.mjs";

export const KEY = "reliability-run-key-8c1f4e2a9b";

/** A valid create body per family (the families whose create body the harness knows how to fill). */
export const BODIES = {
  tts: (i) => ({ text: `Reliability line ${i}.`, voice_id: 147320, language: 1 }),
  "text-to-sound": (i) => ({ prompt: `rain, take ${i}`, duration: 1 }),
  "text-to-voice": (i) => ({
    text: `Voice ${i}`,
    voice_description: `Job ${i}: a calm, warm narrator voice, speaking slowly and clearly, like a late-night radio host telling a story.`,
  }),
};

function limit(concurrency) {
  let active = 0;
  const queue = [];
  const next = () => {
    if (active >= concurrency || queue.length === 0) return;
    active++;
    const { task, resolve } = queue.shift();
    task()
      .then(resolve, resolve)
      .finally(() => {
        active--;
        next();
      });
  };
  return (task) =>
    new Promise((resolve) => {
      queue.push({ task, resolve });
      next();
    });
}

/** Every file under `dir`, recursively. */
async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

const run = promisify(execFile);

/** Where a WAV's `data` chunk ends, walking the chunks after `WAVE` (a `LIST` chunk may come first). */
function dataChunk(file) {
  for (let at = 12; at + 8 <= file.length; ) {
    const size = file.readUInt32LE(at + 4);
    if (file.subarray(at, at + 4).toString("latin1") === "data") return { end: at + 8 + size };
    at += 8 + size + (size % 2);
  }
  return undefined;
}

/**
 * A saved file that is not whole. A FLAC goes through the reference decoder (`flac -t`: every frame's CRC,
 * and the sample count against STREAMINFO); a WAV's header sizes must match the file; a JSON file
 * (a folder result's `result.json` and `manifest.json`) must parse.
 */
async function sizeMismatch(path, bytes) {
  if ((await stat(path)).size !== bytes) return "size differs from what saveResult reported";
  const head = await readFile(path);
  if (path.endsWith(".json")) {
    try {
      JSON.parse(head.toString("utf8"));
      return undefined;
    } catch {
      return "JSON that does not parse";
    }
  }
  if (head.subarray(0, 4).toString("latin1") === "fLaC") {
    const checked = await run("flac", ["-t", "--silent", path]).catch((error) => error);
    return checked instanceof Error
      ? `flac -t: ${String(checked.stderr ?? checked.message).trim()}`
      : undefined;
  }
  if (head.subarray(0, 4).toString("latin1") === "RIFF") {
    if (head.readUInt32LE(4) + 8 !== bytes) return "RIFF size differs from the file's";
    const data = dataChunk(head);
    if (!data || data.end !== bytes) return "WAV data size differs from the file's";
    return undefined;
  }
  return "neither FLAC nor WAV";
}

/**
 * The job camb-kit users write: createAndWait, then saveResult, at default settings (but a short poll
 * interval: the sandbox finishes in a poll or two). A benchmark passes another `makeJob` to compare.
 * @returns {(family: string, body: object, target: string) => Promise<{ path: string, bytes: number }[]>}
 */
export function cambKitJob({ url, key }) {
  const client = createCambClient({ apiKey: key, baseUrl: url });
  return async (family, body, target) => {
    const { runId } = await createAndWait(client, family, body, { intervalMs: 100 });
    const saved = await saveResult(client, family, runId, target);
    if (!saved.files) return [saved];
    // A folder result: its files, and the manifest written last that lists them.
    const manifest = join(saved.path, "manifest.json");
    return [...saved.files, { path: manifest, bytes: (await stat(manifest)).size }];
  };
}

export async function runJobs({
  jobs,
  concurrency = 16,
  seed = 1,
  faultProbability = 0.1,
  makeJob = cambKitJob,
  log = () => {},
}) {
  const sandbox = await startSandbox({
    port: 0,
    seed,
    apiKeys: [KEY],
    pendingPolls: 1,
    faults: faultMix(faultProbability),
  });
  const dir = join(tmpdir(), `camb-reliability-${process.pid}-${seed}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const job = makeJob({ url: sandbox.url, key: KEY });
  const names = Object.keys(BODIES).filter((name) => Object.hasOwn(families, name));
  const outcomes = [];
  const started = Date.now();
  const queued = limit(concurrency);
  await Promise.all(
    Array.from({ length: jobs }, (_, i) =>
      queued(async () => {
        const family = names[i % names.length];
        try {
          const files = await job(family, BODIES[family](i), join(dir, `${family}-${i}`));
          outcomes.push({ family, ok: true, files });
        } catch (error) {
          outcomes.push({ family, ok: false, error });
        }
        if (outcomes.length % 100 === 0) log(`${outcomes.length}/${jobs} jobs settled`);
      }),
    ),
  );
  const seconds = (Date.now() - started) / 1000;
  const requests = sandbox.requests.length;
  await sandbox.close();

  const files = await filesUnder(dir).catch(() => []);
  const tempFiles = files.filter((file) => file.endsWith(".part"));
  // A file no job reported (a partial write a failed job left behind) counts as partial too.
  const reported = new Set(outcomes.filter((o) => o.ok).flatMap((o) => o.files.map((file) => file.path)));
  const leftovers = files.filter((file) => !file.endsWith(".part") && !reported.has(file));
  const mismatches = [];
  for (const outcome of outcomes.filter((o) => o.ok))
    for (const file of outcome.files) {
      const problem = await sizeMismatch(file.path, file.bytes);
      if (problem) mismatches.push(`${file.path}: ${problem}`);
    }
  const failures = outcomes.filter((o) => !o.ok);
  const untyped = failures.filter((o) => !(o.error instanceof CambError));
  const views = failures.flatMap(({ error }) => [
    String(error?.message),
    String(error?.stack),
    inspect(error, { depth: 8 }),
  ]);
  const keyLeaks = views.filter((view) => view.includes(KEY)).length;
  const byClass = {};
  for (const { error } of failures) {
    const name = error?.name ?? typeof error;
    byClass[name] = (byClass[name] ?? 0) + 1;
  }
  await rm(dir, { recursive: true, force: true });
  return {
    jobs,
    settled: outcomes.length,
    completed: outcomes.length - failures.length,
    failed: failures.length,
    failuresByClass: byClass,
    failureMessages: failures.map(({ error }) => String(error?.message)),
    untyped: untyped.map(({ error }) => inspect(error)),
    tempFiles: tempFiles.length,
    leftoverFiles: leftovers.length,
    sizeMismatches: mismatches,
    keyLeaks,
    requests,
    seconds,
  };
}
