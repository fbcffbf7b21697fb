// Writing a transcript or subtitle export: the API answers its text inline (`{ transcript }`) or as a file's
// pre-signed URL (`{ file_url }`), and either way it lands in one file atomically (or on stdout).
import { CambError } from "@camb-kit/client";
import { type AudioSource, saveAudio } from "@camb-kit/node";
import type { Context } from "./context.js";
import type { OutputTarget } from "./output-target.js";
import { writeToStdout } from "./output-target.js";

/** The export's bytes: inline text, or the file behind its URL (a plain fetch: the key stays with the API). */
async function exportSource(context: Context, answer: unknown): Promise<AudioSource> {
  const { transcript, file_url: url } = (answer ?? {}) as { transcript?: unknown; file_url?: unknown };
  if (typeof transcript === "string") return new TextEncoder().encode(transcript);
  if (typeof url === "string") {
    const response = await fetch(url, { signal: context.signal });
    if (!response.ok) throw new Error(`transcript download failed: HTTP ${response.status}`);
    return response;
  }
  // Segments (a JSON result) are written as the JSON they are.
  if (answer !== null && typeof answer === "object")
    return new TextEncoder().encode(`${JSON.stringify(answer, null, 2)}\n`);
  throw new CambError("the transcript answer holds neither text, a file URL nor segments");
}

/** Writes an export answer to `target`; resolves with the file written, or undefined for stdout. */
export async function writeExport(
  context: Context,
  answer: unknown,
  target: OutputTarget,
): Promise<{ path: string; bytes: number } | undefined> {
  const source = await exportSource(context, answer);
  if (target.kind === "stdout") {
    const body =
      source instanceof Response ? source.body : new Blob([source as Uint8Array<ArrayBuffer>]).stream();
    if (body) await writeToStdout(body, undefined, context.signal);
    return undefined;
  }
  return saveAudio(source, target.path, { signal: context.signal, mkdir: true });
}
