// Duration and spoken text of a FLAC stream, from its metadata blocks (STREAMINFO, VORBIS_COMMENT).
import { SPEECH_TEXT_FIELD } from "../audio/speech-tags.js";
import type { ByteCursor } from "./byte-cursor.js";
import { be24, be32, le32, utf8 } from "./bytes.js";
import { type ContainerFacts, MAX_TAG_BYTES } from "./container-facts.js";

const STREAMINFO = 0;
const VORBIS_COMMENT = 4;

/** The value of a Vorbis comment field (names are case-insensitive ASCII), if present. */
export function vorbisField(body: Uint8Array, name: string): string | undefined {
  const prefix = `${name.toUpperCase()}=`;
  let at = 4 + le32(body, 0); // past the vendor string
  const count = le32(body, at);
  at += 4;
  for (let i = 0; i < count && at + 4 <= body.length; i++) {
    const length = le32(body, at);
    const entry = body.subarray(at + 4, at + 4 + length);
    at += 4 + length;
    const head = String.fromCharCode(...entry.subarray(0, prefix.length)).toUpperCase();
    if (head === prefix) return utf8(entry.subarray(prefix.length));
  }
  return undefined;
}

/**
 * Reads the metadata blocks after "fLaC" (already in the cursor). The duration is STREAMINFO's total
 * samples over its sample rate (unknown when the encoder wrote 0 samples, as a live encoder may); the
 * frames themselves are left to the caller to drain.
 */
export async function flacFacts(cursor: ByteCursor): Promise<ContainerFacts> {
  await cursor.skip(4);
  let durationSeconds: number | undefined;
  let text: string | undefined;
  for (let last = false; !last; ) {
    const header = await cursor.take(4);
    if (!header) break;
    last = ((header[0] ?? 0) & 0x80) !== 0;
    const type = (header[0] ?? 0) & 0x7f;
    const length = be24(header, 1);
    if (type === STREAMINFO && length >= 18) {
      const info = (await cursor.take(18)) ?? new Uint8Array(18);
      const sampleRate = be24(info, 10) >>> 4;
      const samples = ((info[13] ?? 0) & 0x0f) * 2 ** 32 + be32(info, 14);
      durationSeconds = sampleRate > 0 && samples > 0 ? samples / sampleRate : undefined;
      await cursor.skip(length - 18);
    } else if (type === VORBIS_COMMENT && length <= MAX_TAG_BYTES) {
      const body = await cursor.take(length);
      if (body) text = vorbisField(body, SPEECH_TEXT_FIELD);
    } else {
      await cursor.skip(length);
    }
  }
  return { durationSeconds, ...(text === undefined ? {} : { text }) };
}
