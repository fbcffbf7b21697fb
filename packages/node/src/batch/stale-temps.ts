// Temp files a killed run left at the batch's outputs, recognised by atomic-file's naming and removed before
// the next run starts (it holds the journal's lock, so no other run of this journal is writing them).
import type { Dirent } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { families } from "@camb-kit/client";
import { isTempName, isTempPathFor, removeQuietly } from "../atomic-file.js";
import { withDefaultExtension } from "../save-result.js";
import type { BatchJob } from "./batch-types.js";
import { jobKind } from "./job-operations.js";

/** Where a job's output goes: the names its file may be written under, or the folder it is saved into. */
type OutputPlace = { file: string[] } | { folder: string };

/** A stream's file as given; a file result as given or with its family's extension; any other result a folder. */
function placeOf(job: BatchJob, outputDir: string): OutputPlace | undefined {
  const target = resolve(outputDir, job.output);
  const kind = jobKind(job.operation);
  if (kind === undefined) return undefined;
  if (kind.kind === "stream") return { file: [target] };
  const entry = families[kind.family];
  if (!entry.resultIsAudio) return { folder: target };
  return { file: [...new Set([target, withDefaultExtension(target, entry.fileExtension)])] };
}

/** A folder's entries, none when it is missing or not a folder (a job that never got that far). */
async function entriesOf(folder: string, recursive: boolean): Promise<Dirent[]> {
  const stats = await lstat(folder).catch(() => undefined);
  if (!stats?.isDirectory()) return [];
  return readdir(folder, { withFileTypes: true, recursive }).catch(() => []);
}

/**
 * Removes the temp files of these jobs' outputs: beside each file output, named after it; and anywhere inside
 * the folder output of a job not done yet (a folder save writes its files through temps inside it, and a
 * folder whose save finished has none). Nothing else is touched: a file named otherwise, a folder of a
 * done job, anything outside the outputs. Resolves with how many files were removed.
 */
export async function removeStaleTemps(
  jobs: readonly BatchJob[],
  outputDir: string,
  isDone: (id: string) => boolean,
): Promise<number> {
  const besideFiles = new Map<string, string[]>(); // folder → the file outputs in it
  const folders: string[] = [];
  for (const job of jobs) {
    const place = placeOf(job, outputDir);
    if (place === undefined) continue;
    if ("folder" in place) {
      if (!isDone(job.id)) folders.push(place.folder);
      continue;
    }
    for (const target of place.file) {
      const dir = dirname(target);
      besideFiles.set(dir, [...(besideFiles.get(dir) ?? []), target]);
    }
  }
  const stale: string[] = [];
  for (const [dir, targets] of besideFiles) {
    for (const entry of await entriesOf(dir, false)) {
      const path = join(dir, entry.name);
      if (entry.isFile() && isTempName(entry.name) && targets.some((target) => isTempPathFor(target, path)))
        stale.push(path);
    }
  }
  for (const folder of folders) {
    for (const entry of await entriesOf(folder, true)) {
      if (entry.isFile() && isTempName(entry.name)) stale.push(join(entry.parentPath, entry.name));
    }
  }
  await Promise.all(stale.map((path) => removeQuietly(path)));
  return stale.length;
}
