// 300 jobs (create, wait, save; every family in turn) against a sandbox faulting about 10% of requests, at
// the library's default settings: nothing hangs, nothing partial is left, every failure is typed, the key
// shows nowhere, the process exits by itself, and at least 97% of the jobs complete.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CambError, createCambClient, families } from "@camb-kit/client";
import { saveResult } from "@camb-kit/node";
import { createAndWait } from "@camb-kit/polling";
import { startSandbox } from "@camb-kit/sandbox";
import { expect, test } from "vitest";
import { faultMix } from "../faults.mjs";
import { BODIES } from "../run-jobs.mjs";

const RUN = fileURLToPath(new URL("../run.mjs", import.meta.url));
const KEY = "reliability-run-key-8c1f4e2a9b";

function runInChild(jobs: number, seed: number) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    // No timeout of its own: a run that does not exit by itself is caught by the test's limit.
    execFile(
      process.execPath,
      [RUN, String(jobs), String(seed)],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

test("300 faulty jobs: 0 hung, 0 partial or temp files, 0 size mismatches, 0 untyped failures, no key, >= 97% done", async () => {
  const { code, stdout, stderr } = await runInChild(300, 42);
  expect(code).toBe(0); // it ended on its own, with no handle left open
  const report = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");
  expect(report.settled).toBe(300);
  expect(report.tempFiles).toBe(0);
  expect(report.leftoverFiles).toBe(0);
  expect(report.sizeMismatches).toEqual([]);
  expect(report.untyped).toEqual([]);
  expect(report.keyLeaks).toBe(0);
  expect(stdout + stderr).not.toContain(KEY);
  expect(report.completed / report.jobs).toBeGreaterThanOrEqual(0.97);
  // The faults were really there: far more requests than the clean minimum, and some jobs failed on them.
  expect(report.requests).toBeGreaterThan(300 * 4);
});

test.each(
  Object.keys(BODIES).flatMap((family) =>
    (["create", "status", "result"] as const).map((role) => ({ family, role })),
  ),
)("the mix has rules for the $role call of $family, and they fire there", async ({ family, role }) => {
  const route = families[family as keyof typeof families].operations[role] as string;
  // The mix's rules for that one operation, made certain: every request to it fails (the first rule wins).
  const rules = faultMix(0.1).filter((rule) => rule.route === route);
  expect(rules.length).toBeGreaterThan(0);
  const sandbox = await startSandbox({
    port: 0,
    apiKeys: [KEY],
    pendingPolls: 0,
    faults: rules.map((rule) => ({ ...rule, probability: 1 })),
  });
  const dir = await mkdtemp(join(tmpdir(), "camb-faults-"));
  try {
    const client = createCambClient({ apiKey: KEY, baseUrl: sandbox.url, retry: false });
    const body = BODIES[family as keyof typeof BODIES](1);
    const job = createAndWait(client, family as never, body as never, { intervalMs: 10 } as never).then(
      ({ runId }) => saveResult(client, family as never, runId as number, join(dir, "out"), {} as never),
    );
    await expect(job).rejects.toBeInstanceOf(CambError);
    expect(sandbox.requests.some((request) => request.operationId === route)).toBe(true);
  } finally {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
});
