// Reads past a leading ID3v2 tag frame by frame, keeping only the sandbox's TXXX text (never cover art).
import { SPEECH_TEXT_FIELD } from "../audio/speech-tags.js";
import type { ByteCursor } from "./byte-cursor.js";
import { ascii, be32 } from "./bytes.js";
import { MAX_TAG_BYTES } from "./container-facts.js";

const syncsafe = (b: Uint8Array, at: number) =>
  (((b[at] ?? 0) & 0x7f) << 21) |
  (((b[at + 1] ?? 0) & 0x7f) << 14) |
  (((b[at + 2] ?? 0) & 0x7f) << 7) |
  ((b[at + 3] ?? 0) & 0x7f);

export function startsWithId3(cursor: ByteCursor): boolean {
  return cursor.available >= 10 && ascii(cursor.peek(3), 0, 3) === "ID3";
}

/** Text in one of ID3v2's four encodings: 0 Latin-1, 1 UTF-16 with BOM, 2 UTF-16BE, 3 UTF-8. */
function decode(encoding: number, bytes: Uint8Array): string {
  if (encoding === 1 || encoding === 2) {
    const bigEndian = encoding === 2 || (bytes[0] === 0xfe && bytes[1] === 0xff);
    return new TextDecoder(bigEndian ? "utf-16be" : "utf-16le").decode(bytes);
  }
  return new TextDecoder(encoding === 3 ? "utf-8" : "latin1").decode(bytes);
}

/** A TXXX frame body: encoding, description, terminator (two bytes in UTF-16), value. */
function userText(body: Uint8Array): { description: string; value: string } {
  const encoding = body[0] ?? 0;
  const wide = encoding === 1 || encoding === 2;
  let end = 1;
  while (end < body.length && (wide ? body[end] !== 0 || body[end + 1] !== 0 : body[end] !== 0))
    end += wide ? 2 : 1;
  const value = body.subarray(end + (wide ? 2 : 1));
  return {
    description: decode(encoding, body.subarray(1, end)),
    value: decode(encoding, value).replace(/\0+$/, ""),
  };
}

/**
 * Consumes an ID3v2 tag at the cursor (the caller checked `startsWithId3`) and returns the sandbox's text
 * from a `TXXX` frame described `CAMB_SANDBOX_TEXT`. Frames are read one at a time and only that one is
 * kept; a tag written with whole-tag unsynchronisation (v2.3) is skipped unread.
 */
export async function readId3v2(cursor: ByteCursor): Promise<string | undefined> {
  const header = (await cursor.take(10)) ?? new Uint8Array(10);
  const major = header[3] ?? 0;
  const flags = header[5] ?? 0;
  const end = cursor.position + syncsafe(header, 6) + (flags & 0x10 ? 10 : 0); // a v2.4 footer follows
  const left = () => end - cursor.position;
  let text: string | undefined;
  if ((major === 3 || major === 4) && !(flags & 0x80)) {
    if (flags & 0x40) {
      const extended = (await cursor.take(4)) ?? new Uint8Array(4);
      await cursor.skip(major === 4 ? syncsafe(extended, 0) - 4 : be32(extended, 0));
    }
    while (left() >= 10 && text === undefined) {
      const frame = (await cursor.take(10)) ?? new Uint8Array(10);
      if (frame[0] === 0) break; // padding
      const size = major === 4 ? syncsafe(frame, 4) : be32(frame, 4);
      // Compressed, encrypted or unsynchronised frames are not ours: skip them.
      const plain = major === 4 ? ((frame[9] ?? 0) & 0x0e) === 0 : ((frame[9] ?? 0) & 0xe0) === 0;
      if (ascii(frame, 0, 4) === "TXXX" && plain && size <= MAX_TAG_BYTES && size <= left()) {
        const lengthIndicator = major === 4 && (frame[9] ?? 0) & 0x01 ? 4 : 0;
        const body = ((await cursor.take(size)) ?? new Uint8Array(0)).subarray(lengthIndicator);
        const { description, value } = userText(body);
        if (description === SPEECH_TEXT_FIELD) text = value;
      } else {
        await cursor.skip(Math.min(size, left()));
      }
    }
  }
  await cursor.skip(Math.max(0, left()));
  return text;
}
