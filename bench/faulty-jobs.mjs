// Benchmark 8 — 1,000 jobs against a sandbox that faults about 10% of requests.
//
// Method: the reliability harness (tests/reliability/run-jobs.mjs) runs 1,000 jobs (create, wait, save; tts,
// text-to-sound and text-to-voice in turn; 16 at a time) against startSandbox with the fault mix of
// tests/reliability/faults.mjs (503/429 everywhere; resets, truncated bodies, malformed JSON and unknown
// statuses on status, result and storage routes; a rare reset on creates), then audits what the jobs left:
// completed jobs, temp or leftover files, files that are not whole (flac -t, WAV header sizes), failures that
// are not a CambError, and the key in any error. Two contenders, each on a fresh sandbox with the same seed:
//   camb-kit      createAndWait + saveResult at default settings (poll interval 100 ms)
//   hand-written  what a user writes on openapi-fetch alone, as the official examples do: create, poll every
//                 100 ms until an end, fetch the result (or each preview) and writeFile it; no retries
// The ratio is camb-kit's completed jobs over the hand-written loop's.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { families } from "@camb-kit/client";
import { extensionOf } from "@camb-kit/client/spec";
import createClient from "openapi-fetch";
import { runJobs } from "../tests/reliability/run-jobs.mjs";
import { main } from "./lib/table.mjs";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The loop of the official examples, on openapi-fetch: no retries, no typed errors, writeFile at the end. */
function handWrittenJob({ url, key }) {
  const client = createClient({ baseUrl: url, headers: { "x-api-key": key } });
  return async (family, body, target) => {
    const entry = families[family];
    const created = await client.POST(entry.create, { body });
    const taskId = created.data?.task_id;
    if (!taskId) throw new Error(`create failed: ${created.response.status}`);
    let runId;
    for (;;) {
      const { data } = await client.GET(entry.status, { params: { path: { task_id: taskId } } });
      if (data?.status === "SUCCESS") {
        runId = data.run_id;
        break;
      }
      if (data?.status && data.status !== "PENDING") throw new Error(`task ended ${data.status}`);
      await sleep(100);
    }
    if (entry.resultIsAudio) {
      const { data, response } = await client.GET(entry.result, {
        params: { path: { run_id: runId } },
        parseAs: "arrayBuffer",
      });
      if (!response.ok || !data) throw new Error(`result failed: ${response.status}`);
      const path = `${target}.${entry.fileExtension}`;
      await writeFile(path, new Uint8Array(data));
      return [{ path, bytes: data.byteLength }];
    }
    const { data } = await client.GET(entry.result, { params: { path: { run_id: runId } } });
    const files = [];
    for (const [index, url] of (data?.previews ?? []).entries()) {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`preview failed: ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const path = `${target}/previews-${index + 1}.${extensionOf(response.headers.get("content-type")) ?? "bin"}`;
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
      files.push({ path, bytes: bytes.byteLength });
    }
    return files;
  };
}

export async function run({ quick = false, log = console.error } = {}) {
  const jobs = quick ? 60 : 1000;
  const ours = await runJobs({ jobs, seed: 11, log: (line) => log(`camb-kit: ${line}`) });
  const theirs = await runJobs({
    jobs,
    seed: 11,
    makeJob: handWrittenJob,
    log: (line) => log(`hand-written: ${line}`),
  });
  const summary = (r) =>
    `${r.completed}/${r.jobs} done, ${r.failed} failed (${r.untyped.length} untyped), ${r.sizeMismatches.length} not whole, ${r.tempFiles + r.leftoverFiles} temp/leftover, ${r.keyLeaks} key leaks, ${r.seconds.toFixed(0)} s`;
  const row = (metric, ratio, absolute, goal, ok) => ({
    bench: "8 faulty jobs",
    subject: "camb-kit",
    vs: "hand-written loop",
    metric,
    ratio,
    spread: "",
    absolute,
    ...(goal ? { goal, ok } : {}),
  });
  const clean =
    ours.untyped.length + ours.sizeMismatches.length + ours.tempFiles + ours.leftoverFiles + ours.keyLeaks ===
      0 && ours.settled === jobs;
  return [
    row(
      "jobs completed",
      ours.completed / Math.max(1, theirs.completed),
      `${summary(ours)}; hand-written: ${summary(theirs)}`,
      "≥ 97% done, 0 hung/partial/untyped/leaks",
      ours.completed / jobs >= 0.97 && clean,
    ),
  ];
}

await main(import.meta.url, run);
