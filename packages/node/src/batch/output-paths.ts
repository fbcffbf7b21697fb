// The outputs of a batch: each inside the output folder, and no two the same file or one inside the other.
import { isAbsolute, win32 } from "node:path";
import type { BatchProblem } from "./batch-types.js";

/** An output as the batch will write it: `path` relative to the output folder, as given or with its extension. */
export interface PlannedOutput {
  line: number;
  id: string;
  path: string;
}

/** The path's segments, `/` and `\` both separators; `.` and empty segments dropped. */
export function outputSegments(path: string): string[] {
  return path.split(/[\\/]/).filter((segment) => segment !== "" && segment !== ".");
}

/** What is wrong with one output path on its own (empty when nothing is). */
export function outputPathProblem(path: unknown): string | undefined {
  if (typeof path !== "string" || path.trim() === "") return "output: must be a non-empty relative path";
  if (isAbsolute(path) || win32.isAbsolute(path))
    return `output: "${path}" must be relative to the output folder`;
  const segments = outputSegments(path);
  if (segments.includes("..")) return `output: "${path}" must not leave the output folder ("..")`;
  if (segments.length === 0) return `output: "${path}" is the output folder itself`;
  if (path.includes("\0")) return "output: must not contain a NUL character";
  return undefined;
}

/**
 * How two outputs compare: case and Unicode normalisation folded, since macOS and Windows file systems treat
 * `A.flac` and `a.flac` (or two spellings of `é`) as one file.
 */
const comparable = (segments: readonly string[]) => segments.map((s) => s.normalize("NFC").toLowerCase());

/** Two jobs writing one file (reported on the later line), or one job's output inside another's (on the inner one). */
export function outputConflicts(
  outputs: readonly PlannedOutput[],
  reserved: readonly string[],
): BatchProblem[] {
  const problems: BatchProblem[] = [];
  const owners = new Map<string, PlannedOutput | undefined>();
  for (const path of reserved) owners.set(comparable(outputSegments(path)).join("/"), undefined);
  const keyed: [string[], PlannedOutput][] = [];
  for (const output of outputs) {
    const key = comparable(outputSegments(output.path));
    const joined = key.join("/");
    if (owners.has(joined)) {
      const owner = owners.get(joined);
      const what = owner ? `the output of line ${owner.line} (${owner.id})` : "the batch's journal";
      problems.push({
        line: output.line,
        id: output.id,
        message: `output: "${output.path}" is also ${what}`,
      });
      continue;
    }
    owners.set(joined, output);
    keyed.push([key, output]);
  }
  for (const [key, output] of keyed) {
    for (let depth = 1; depth < key.length; depth++) {
      const owner = owners.get(key.slice(0, depth).join("/"));
      if (owner === undefined) continue;
      problems.push({
        line: output.line,
        id: output.id,
        message: `output: "${output.path}" is inside "${owner.path}", the output of line ${owner.line} (${owner.id})`,
      });
      break;
    }
  }
  return problems;
}
