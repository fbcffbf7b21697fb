// Whether a saved file is what its content type says: the magic bytes of audio and video containers, a
// subtitle file a strict parser reads with cues, text, or JSON. Throws, naming the file, when it is not.
import { readFile } from "node:fs/promises";
import { normalizeMediaType } from "@camb-kit/client/spec";
import { parseText } from "media-captions";

const ascii = (bytes: Buffer, start: number, end: number) => bytes.subarray(start, end).toString("latin1");

const checks: Record<string, (bytes: Buffer) => Promise<boolean> | boolean> = {
  // An ID3v2 tag, or an MPEG audio frame sync (11 set bits).
  "audio/mpeg": (b) => ascii(b, 0, 3) === "ID3" || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0),
  "audio/wav": (b) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WAVE",
  "audio/flac": (b) => ascii(b, 0, 4) === "fLaC",
  "video/mp4": (b) => ascii(b, 4, 8) === "ftyp",
  "audio/mp4": (b) => ascii(b, 4, 8) === "ftyp",
  "application/x-subrip": async (b) =>
    (await parseText(b.toString("utf8"), { type: "srt", strict: true })).cues.length > 0,
  "text/vtt": async (b) =>
    (await parseText(b.toString("utf8"), { type: "vtt", strict: true })).cues.length > 0,
  "text/plain": (b) => b.toString("utf8").trim().length > 0,
  "application/json": (b) => JSON.parse(b.toString("utf8")) !== undefined,
};

/** Resolves when the file at `path` is real media of `contentType`; throws otherwise. */
export async function expectRealMedia(path: string, contentType: string | undefined): Promise<void> {
  const type = normalizeMediaType(contentType ?? "");
  const check = checks[type];
  if (!check) throw new Error(`${path}: no check for the content type ${contentType}`);
  const bytes = await readFile(path);
  if (bytes.length === 0 || !(await check(bytes))) throw new Error(`${path} is not ${type}`);
}
