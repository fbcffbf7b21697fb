// Any file a command saved, checked by what it is (its extension's media type): audio decoded, video parsed
// track by track, transcripts and subtitles parsed; what cannot be checked is reported by size, never guessed.
import { open, readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { mediaTypes } from "@camb-kit/client/spec";
import { type AudioInfo, describeAudio, inspectAudio, inspectable } from "./inspect-audio.js";
import {
  describeTranscript,
  inspectTranscript,
  isTranscriptFormat,
  type TranscriptInfo,
} from "./inspect-transcript.js";
import { describeVideo, inspectVideo, type VideoInfo } from "./inspect-video.js";

export type FileInfo =
  | { kind: "audio"; info: AudioInfo }
  | { kind: "video"; info: VideoInfo }
  | { kind: "transcript"; info: TranscriptInfo }
  | { kind: "json"; info: { path: string; bytes: number; keys: string[] } }
  | { kind: "file"; info: { path: string; bytes: number } };

/** The spec's media type of a file's extension (`.mp4` -> video/mp4). */
function mediaTypeOf(path: string): string | undefined {
  const extension = extname(path).slice(1).toLowerCase();
  return Object.entries(mediaTypes).find(([, entry]) => entry.extension === extension)?.[0];
}

/** ISO base media (MP4, QuickTime, M4A) opens with an `ftyp` box: told by its bytes, not its name. */
async function isIsoMedia(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    return bytesRead === 8 && head.toString("latin1", 4, 8) === "ftyp";
  } finally {
    await handle.close();
  }
}

/** A JSON file: transcript segments when it holds them, else any JSON that parses (a result, a manifest). */
async function inspectJson(path: string): Promise<FileInfo> {
  const text = await readFile(path, "utf8");
  const value: unknown = JSON.parse(text);
  const segments = await inspectTranscript(path, "json").catch(() => undefined);
  if (segments) return { kind: "transcript", info: segments };
  const keys = value !== null && typeof value === "object" ? Object.keys(value) : [];
  return { kind: "json", info: { path, bytes: Buffer.byteLength(text), keys } };
}

/** Checks a saved file; rejects (UndecodableAudioError, UndecodableVideoError…) when it is not what it claims. */
export async function inspectFile(path: string): Promise<FileInfo> {
  const type = mediaTypeOf(path) ?? "";
  const extension = extname(path).slice(1).toLowerCase();
  if (inspectable(type)) return { kind: "audio", info: await inspectAudio(path) };
  if (await isIsoMedia(path)) return { kind: "video", info: await inspectVideo(path) };
  if (extension === "json") return inspectJson(path);
  if (isTranscriptFormat(extension)) return { kind: "transcript", info: await inspectTranscript(path) };
  return { kind: "file", info: { path, bytes: (await stat(path)).size } };
}

/** One line about a checked file. */
export function describeInfo(file: FileInfo): string {
  switch (file.kind) {
    case "audio":
      return describeAudio(file.info);
    case "video":
      return describeVideo(file.info);
    case "transcript":
      return describeTranscript(file.info);
    case "json":
      return `JSON, ${file.info.keys.length} key(s)${file.info.keys.length ? `: ${file.info.keys.slice(0, 4).join(", ")}` : ""}`;
    case "file":
      return `${file.info.bytes} bytes (not checked)`;
  }
}
