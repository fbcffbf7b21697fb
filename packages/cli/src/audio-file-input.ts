// An audio file a live session listens to: a WAV file (its header says its format) or raw PCM in a layout
// given on the command line. Checked before a session opens; streamed from disk, never read whole.
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import type { Readable } from "node:stream";
import type { AudioInputFormat, RawAudioFormat } from "@camb-kit/realtime";
import { InputError } from "./exit-codes.js";

export interface AudioFile {
  path: string;
  /** `"wav"` (the session's audio input reads the header) or the raw layout it was given. */
  format: AudioInputFormat;
  /** A new stream of the whole file. */
  open(): Readable;
}

const fourCC = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));

async function head(path: string, length: number): Promise<Uint8Array> {
  const file = await open(path, "r");
  try {
    const bytes = new Uint8Array(length);
    const { bytesRead } = await file.read(bytes, 0, length, 0);
    return bytes.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * `path` as live audio input: a file that starts as RIFF/WAVE is read as WAV, anything else as raw PCM in
 * `raw`. A missing file, a folder or an empty file fails here, before a session is opened (exit 2).
 */
export async function openAudioFile(path: string, raw: RawAudioFormat): Promise<AudioFile> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw error.code === "ENOENT" ? new InputError(`${path} does not exist`, { cause: error }) : error;
  });
  if (!info.isFile()) throw new InputError(`${path} is not a regular file`);
  if (info.size === 0) throw new InputError(`${path} is empty: there is no audio to send`);
  const start = await head(path, 12);
  const isWav = start.length === 12 && fourCC(start, 0) === "RIFF" && fourCC(start, 8) === "WAVE";
  return { path, format: isWav ? "wav" : raw, open: () => createReadStream(path) };
}
