// Where a command's audio goes: `-o -` is stdout, a folder (existing, or written with a trailing slash) gets
// the command's default file name inside it, anything else is the file path itself.
import { once } from "node:events";
import { stat } from "node:fs/promises";
import { join, sep } from "node:path";
import { CambError } from "@camb-kit/client";
import { TruncatedStreamError } from "@camb-kit/node";
import { InputError } from "./exit-codes.js";

export type OutputTarget = { kind: "stdout" } | { kind: "file"; path: string };

async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

/** Resolves `-o`: `-` is stdout; a folder gets `defaultName` inside it; no `-o` is `defaultName` here. */
export async function outputTarget(
  output: string | undefined,
  defaultName: string,
  json: boolean,
): Promise<OutputTarget> {
  if (output === "-") {
    if (json) throw new InputError("-o - writes the audio to stdout, where --json would go too: drop one");
    return { kind: "stdout" };
  }
  if (output === undefined) return { kind: "file", path: defaultName };
  const folder = output.endsWith("/") || output.endsWith(sep) || (await isFolder(output));
  return { kind: "file", path: folder ? join(output, defaultName) : output };
}

/**
 * Copies audio to stdout with backpressure, and checks it against the announced length: on stdout there is
 * no temp file to fall back on, so a short body must at least fail loudly (TruncatedStreamError).
 */
export async function writeToStdout(
  stream: ReadableStream<Uint8Array>,
  expectedBytes: number | undefined,
  signal: AbortSignal,
): Promise<number> {
  const reader = stream.getReader();
  const stop = () => void reader.cancel(signal.reason).catch(() => {});
  signal.addEventListener("abort", stop, { once: true });
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      signal.throwIfAborted();
      if (done) break;
      bytes += value.byteLength;
      if (!process.stdout.write(value)) await once(process.stdout, "drain", { signal });
    }
  } catch (error) {
    signal.throwIfAborted();
    // The runtime's own error for a connection cut mid-body (undici's `TypeError: terminated`).
    throw error instanceof CambError
      ? error
      : new TruncatedStreamError(expectedBytes, bytes, { cause: error });
  } finally {
    signal.removeEventListener("abort", stop);
  }
  if (expectedBytes !== undefined && bytes !== expectedBytes)
    throw new TruncatedStreamError(expectedBytes, bytes);
  return bytes;
}
