// Where a live session's audio goes as it arrives: a file written through a temp file and renamed only when
// the session ended well (nothing partial on Ctrl-C or a dropped socket), or stdout with backpressure.
import { once } from "node:events";
import { saveAudio } from "@camb-kit/node";
import type { Context } from "./context.js";
import type { OutputTarget } from "./output-target.js";

export interface SunkAudio {
  /** The absolute path written, or undefined for stdout. */
  path: string | undefined;
  bytes: number;
}

async function toStdout(audio: AsyncIterable<Uint8Array>, signal: AbortSignal): Promise<number> {
  let bytes = 0;
  try {
    for await (const chunk of audio) {
      signal.throwIfAborted();
      bytes += chunk.byteLength;
      if (!process.stdout.write(chunk)) await once(process.stdout, "drain", { signal });
    }
  } catch (error) {
    signal.throwIfAborted(); // the interrupt's own reason, not `once`'s AbortError
    throw error;
  }
  return bytes;
}

/**
 * Streams `audio` to `target` while it is produced. A file appears only once `audio` has ended without an
 * error; an error or the interrupt removes the temp file and is rethrown (the interrupt as its own reason).
 */
export async function sinkAudio(
  context: Context,
  audio: AsyncIterable<Uint8Array>,
  target: OutputTarget,
): Promise<SunkAudio> {
  if (target.kind === "stdout") return { path: undefined, bytes: await toStdout(audio, context.signal) };
  const { path } = target;
  const saved = await saveAudio(audio, path, {
    signal: context.signal,
    onProgress: ({ bytes }) => context.reporter.bytes(path, bytes, undefined),
  });
  context.reporter.done();
  return { path: saved.path, bytes: saved.bytes };
}
