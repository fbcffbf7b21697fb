// A job's request body as it is sent (file fields opened from disk, streamed) and the size of its input, which
// the learned schedule keys durations by.
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { OperationId } from "@camb-kit/client/spec";
import { fileFromPath } from "../file-from-path.js";
import type { BatchJob } from "./batch-types.js";
import { fileFields } from "./job-operations.js";

/** The paths of a job's file fields, resolved against `baseDir`, by field. */
function filePaths(job: BatchJob, baseDir: string): [name: string, paths: string[], list: boolean][] {
  return fileFields(job.operation as OperationId).flatMap(({ name, list }) => {
    const value = job.body[name];
    if (value === undefined) return [];
    const paths = (Array.isArray(value) ? value : [value]).map((path) => resolve(baseDir, String(path)));
    return [[name, paths, list]];
  });
}

/**
 * The body to send: each file field's path replaced by a `File` streamed from disk. `onUploaded` is called once
 * every file has been read whole by the request (never for a body without files). `files` tells which it is.
 */
export async function requestBody(
  job: BatchJob,
  baseDir: string,
  onUploaded: () => void,
): Promise<{ body: Record<string, unknown>; files: number }> {
  const body: Record<string, unknown> = { ...job.body };
  const fields = filePaths(job, baseDir);
  const pending = new Set<number>();
  let next = 0;
  for (const [name, paths, list] of fields) {
    const opened = await Promise.all(
      paths.map((path) => {
        const index = next++;
        pending.add(index);
        return fileFromPath(path, {
          onUploadProgress: ({ sent, total }) => {
            if (sent < total || !pending.delete(index)) return;
            if (pending.size === 0) onUploaded();
          },
        });
      }),
    );
    body[name] = list ? opened : opened[0];
  }
  return { body, files: next };
}

/** The input's size in bytes: the body's JSON and every file it names. */
export async function inputSize(job: BatchJob, baseDir: string): Promise<number> {
  let size = Buffer.byteLength(JSON.stringify(job.body));
  for (const [, paths] of filePaths(job, baseDir)) {
    for (const path of paths) size += (await stat(path).catch(() => undefined))?.size ?? 0;
  }
  return size;
}
