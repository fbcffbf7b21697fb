// A rerun removes the temp files a killed run left at its outputs (named as atomic-file names them), and
// nothing else: not a user's dotfile, not a temp of a file that is no output, not what is inside a done folder.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { OperationId } from "@camb-kit/client/spec";
import { expect, test } from "vitest";
import { isTempName, isTempPathFor, tempPathFor } from "../src/atomic-file.js";
import { parseBatchJobs, runBatch } from "../src/index.js";
import {
  batchWorld,
  createOf,
  exampleBody,
  FAST,
  filesUnder,
  type JobLine,
  jobsText,
} from "./helpers/batch-world.js";

const tts = createOf("tts");
const voice = createOf("text-to-voice");
const speech = (id: string, output: string): JobLine => ({
  id,
  operation: tts,
  body: { ...exampleBody(tts as OperationId), text: `Line ${id}.` },
  output,
});
const folder = (id: string, output: string): JobLine => ({
  id,
  operation: voice,
  body: exampleBody(voice as OperationId),
  output,
});

/** Writes a file (and its folder) under `out`, as a killed save or a user would have left it. */
async function plant(out: string, path: string) {
  await mkdir(dirname(join(out, path)), { recursive: true });
  await writeFile(join(out, path), "left behind");
}

test("the temp matchers know exactly what tempPathFor makes", () => {
  const target = "/out/sound/rain-25.wav";
  expect(isTempPathFor(target, tempPathFor(target))).toBe(true);
  expect(isTempPathFor(target, "/out/sound/.rain-25.wav.a66a2fa98144.part")).toBe(true);
  expect(isTempName(".rain-25.wav.a66a2fa98144.part")).toBe(true);
  // Another folder, another target, another random part, not hex, not hidden: none is ours.
  for (const other of [
    "/out/.rain-25.wav.a66a2fa98144.part",
    "/out/sound/.rain-2.wav.a66a2fa98144.part",
    "/out/sound/.rain-25.wav.a66a2fa9814.part",
    "/out/sound/.rain-25.wav.A66A2FA98144.part",
    "/out/sound/rain-25.wav.a66a2fa98144.part",
    "/out/sound/.rain-25.wav.a66a2fa98144.part.bak",
  ])
    expect(isTempPathFor(target, other), other).toBe(false);
  for (const name of [".a66a2fa98144.part", "..a66a2fa98144.part", ".notes.part", ".keep"])
    expect(isTempName(name), name).toBe(false);
  // A long name is cut to fit the file system's limit; its temps still match it.
  const long = `/out/${"音".repeat(90)}.flac`;
  expect(isTempPathFor(long, tempPathFor(long))).toBe(true);
});

test("a rerun removes the temps of its outputs and leaves everything else", async () => {
  const world = await batchWorld();
  const done = [speech("a", "speech/a"), folder("v", "voices/v")];
  const first = await runBatch(world.camb, parseBatchJobs(jobsText(done)), { outputDir: world.out, ...FAST });
  expect(first).toMatchObject({ done: 2, failed: [] });
  const before = await filesUnder(world.out);
  const temp = (path: string) => tempPathFor(join(world.out, path)).slice(world.out.length + 1);

  const stale = [
    temp("speech/a.flac"), // beside a done file output, the family's extension added
    temp("speech/a"), // beside it, under the name the job gave
    temp("speech/b.flac"), // beside a file output not done yet
    temp("voices/w/result.json"), // inside the folder of a job not done yet
    temp("voices/w/nested/preview.wav"), // anywhere inside it
  ];
  const kept = [
    "speech/.notes", // a user's dotfile
    temp("speech/c.flac"), // the temp of a file that is no job's output
    "speech/.b.flac.notes.part", // named almost like a temp
    temp("voices/v/result.json"), // inside a done folder: its save finished, the folder is the user's
    "voices/w/.keep", // a user's file inside an output folder
    temp("elsewhere/b.flac"),
  ];
  for (const path of [...stale, ...kept]) await plant(world.out, path);

  const jobs = parseBatchJobs(jobsText([...done, speech("b", "speech/b.flac"), folder("w", "voices/w")]));
  const rerun = await runBatch(world.camb, jobs, { outputDir: world.out, ...FAST });
  expect(rerun).toMatchObject({ done: 2, skipped: 2, failed: [] });

  const after = await filesUnder(world.out);
  for (const path of stale) expect(after, path).not.toContain(path);
  for (const path of [...kept, ...before]) expect(after, path).toContain(path);
  expect(after).toContain("speech/b.flac");
  expect(after).toContain("voices/w/manifest.json");
});
