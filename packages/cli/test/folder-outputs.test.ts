// Runs whose result is a folder, through the built binary: a story's audio and dialogue, a dub's transcripts
// per language in every format, the folder's progress on stderr, and `wait` on a status that is a list of runs.
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCambClient, createTask, families, type TaskFamily, unwrap } from "@camb-kit/client";
import { enums, operationSchemas } from "@camb-kit/client/spec";
import { type RunningSandbox, startSandbox } from "@camb-kit/sandbox";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ExitCode } from "../src/exit-codes.js";
import { camb } from "./helpers/run-bin.js";

const temp = () => mkdtemp(join(tmpdir(), "camb-cli-folder-"));

interface ReportedFile {
  path: string;
  bytes: number;
  kind?: string;
  language?: string;
  format?: string;
  checked: { kind: string; info: { text?: string; cues?: number; durationSeconds?: number } };
}

/** Every name in the folder is a reported file, or the manifest that lists them. */
async function onlyReported(dir: string, files: ReportedFile[]): Promise<void> {
  const reported = files.map((file) => file.path.slice(dir.length + 1));
  expect((await readdir(dir)).sort()).toEqual([...reported, "manifest.json"].sort());
  const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"));
  expect(manifest.files.map((file: { path: string }) => file.path).sort()).toEqual(reported.sort());
}

/** `out: file 3, 1.2 KiB` lines: the folder's progress, in the order printed. */
function folderProgress(stderr: string, label: string): { file: number; kib: number }[] {
  const lines = stderr.split("\n").filter((line) => line.startsWith(`${label}: file `));
  return lines.map((line) => {
    const [, file, amount, unit] = /: file (\d+), ([\d.]+) (KiB|MiB)$/.exec(line) ?? [];
    return { file: Number(file), kib: Number(amount) * (unit === "MiB" ? 1024 : 1) };
  });
}

test("story narrates a text file: its audio decoded and its dialogue holding the story's words", async () => {
  const dir = await temp();
  const text = join(dir, "tale.txt");
  await writeFile(text, "Once upon a time a fox met a dog.\nThey became friends.\n");
  const out = join(dir, "story");
  const result = await camb(["story", text, "-o", `${out}/`, "--json"]);
  expect(result.code, result.stderr).toBe(ExitCode.ok);
  expect(result.stderr).toMatch(/story: SUCCESS after \d+\.\d s/);
  const { files } = JSON.parse(result.stdout) as { files: ReportedFile[] };
  const audio = files.find((file) => file.kind === "audio");
  expect(audio?.checked.kind).toBe("audio");
  expect(audio?.checked.info.durationSeconds).toBeGreaterThan(0);
  const dialogue = files.find((file) => file.kind === "dialogue");
  expect(dialogue?.checked.kind).toBe("transcript");
  expect(await readFile(dialogue!.path, "utf8")).toContain("a fox met a dog");
  for (const file of files) expect(file.checked).not.toHaveProperty("error");
  await onlyReported(out, files);
});

describe("dub", () => {
  test("--to es-es,fr-fr writes each language's transcript in every format, and the summary lists them", async () => {
    const dir = await temp();
    const out = join(dir, "out");
    const args = ["dub", "https://example.com/talk.mp4", "--from", "en-us", "--to", "es-es,fr-fr"];
    const result = await camb([...args, "-o", out]);
    expect(result.code, result.stderr).toBe(ExitCode.ok);
    const summary = result.stdout.trim().split("\n");
    // The source language's transcript too: the --from language is passed to the save.
    for (const language of ["en-us", "es-es", "fr-fr"]) {
      for (const format of enums.TranscriptFileFormat) {
        const line = summary.find((item) => item.startsWith(`${language} transcript ${format} `));
        expect(line, `${language} ${format} in:\n${result.stdout}`).toBeDefined();
        const name = `${language}-transcript.${format}`;
        expect(line).toContain(name);
        expect(line).not.toContain("UNREADABLE");
        const saved = await readFile(join(out, name), "utf8");
        expect(saved.trim().length).toBeGreaterThan(0);
      }
    }
    expect(summary[0]).toMatch(
      new RegExp(`^dub run \\d+ \\(task [^)]+\\): ${summary.length - 1} file\\(s\\)`),
    );

    // The folder's progress counts files up and bytes never back, though each file's count starts at zero.
    const progress = folderProgress(result.stderr, out);
    expect(progress.length).toBeGreaterThan(1);
    for (const [index, seen] of progress.entries()) {
      expect(seen.file).toBe(index + 1);
      if (index > 0) expect(seen.kib).toBeGreaterThanOrEqual(progress[index - 1]!.kib);
    }
    // At least every file written as text (transcripts, result.json), at most every file and the manifest.
    expect(progress.length).toBeGreaterThanOrEqual(3 * enums.TranscriptFileFormat.length + 1);
    expect(progress.length).toBeLessThanOrEqual(summary.length);
  });

  test("--format narrows the transcripts; a format the spec lacks is bad input before any task", async () => {
    const dir = await temp();
    const out = join(dir, "out");
    const args = ["dub", "https://example.com/talk.mp4", "--from", "en-us", "--to", "es-es"];
    const narrowed = await camb([...args, "--format", "srt", "-o", out, "--json"]);
    expect(narrowed.code, narrowed.stderr).toBe(ExitCode.ok);
    const { files } = JSON.parse(narrowed.stdout) as { files: ReportedFile[] };
    const transcripts = files.filter((file) => file.kind === "transcript");
    expect(transcripts.map((file) => `${file.language} ${file.format}`).sort()).toEqual([
      "en-us srt",
      "es-es srt",
    ]);
    for (const file of transcripts) expect(file.checked.info.cues).toBeGreaterThan(0);

    const refused = await camb([...args, "--format", "doc", "-o", join(dir, "never")]);
    expect(refused.code).toBe(ExitCode.badInput);
    for (const format of enums.TranscriptFileFormat) expect(refused.stderr).toContain(format);
    expect(refused.stderr).not.toContain("creating");
    expect(await readdir(dir)).toEqual(["out"]);
  });
});

describe("a status that is a list of runs", () => {
  let sandbox: RunningSandbox;
  let env: Record<string, string>;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    env = { CAMB_API_KEY: "k", CAMB_BASE_URL: sandbox.url };
  });
  afterAll(() => sandbox.close());

  const runsFamilies = (Object.keys(families) as TaskFamily[]).filter(
    (family) => families[family].statusKind === "runs",
  );

  test("the table has such a family, created from a JSON body alone", () => {
    expect(runsFamilies.length).toBeGreaterThan(0);
  });

  test.each(runsFamilies)("status and wait read %s's runs; wait -o saves its run", async (family) => {
    const entry = families[family];
    expect(entry.createParams).toEqual([]);
    // The spec's own example request, so no body is written here for a family this test does not name.
    const body = operationSchemas[entry.operations.create].body?.example;
    const client = createCambClient({ apiKey: "k", baseUrl: sandbox.url });
    const created = unwrap(await createTask(client, family as never, body as never)) as { task_id: string };
    const taskId = String(created.task_id);

    const waited = await camb(["wait", family, taskId, "--json"], env);
    expect(waited.code, waited.stderr).toBe(ExitCode.ok);
    expect(waited.stderr).toMatch(new RegExp(`${family}: 1 run\\(s\\) after \\d+\\.\\d s`));
    const report = JSON.parse(waited.stdout);
    expect(report).toMatchObject({ family, taskId });
    expect(Array.isArray(report.status.runs)).toBe(true);
    expect(report.runId).toBe(report.status.runs[0].run_id);

    const status = await camb(["status", family, taskId], env);
    expect(status.code, status.stderr).toBe(ExitCode.ok);
    expect(status.stdout.trim()).toBe(`${family} task ${taskId}: 1 run(s) (run ${report.runId})`);

    if (entry.result === null) return;
    const dir = await temp();
    const saved = await camb(["wait", family, taskId, "-o", join(dir, "run"), "--json"], env);
    expect(saved.code, saved.stderr).toBe(ExitCode.ok);
    const { files } = JSON.parse(saved.stdout) as { files: ReportedFile[] };
    const result = files.find((file) => file.kind === "result");
    expect(JSON.parse(await readFile(result!.path, "utf8"))).not.toBeNull();
    await onlyReported(join(dir, "run"), files);
  });
});
