// A job's content hash, the same for the same job however its JSON was written, so the journal can tell when a
// line was changed between runs.
import { createHash } from "node:crypto";
import type { BatchJob } from "./batch-types.js";

/** JSON with object keys sorted at every depth: `{"b":1,"a":2}` and `{"a":2,"b":1}` are one job. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** SHA-256 of what the job asks for (operation, body, path, output); the id and line are not part of it. */
export function jobHash(job: Pick<BatchJob, "operation" | "body" | "path" | "output">): string {
  const { operation, body, path, output } = job;
  return createHash("sha256")
    .update(canonical({ operation, body, path: path ?? null, output }))
    .digest("hex");
}
