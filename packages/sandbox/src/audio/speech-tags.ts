// The spoken text inside the sandbox's audio, as each container's standard metadata (INFO, Vorbis, ID3v2).

/**
 * The name the text goes under: the Vorbis comment field (FLAC) and the TXXX description (MP3), so a
 * foreign file's comment is never taken for sandbox speech. WAV's INFO list has only four-letter ids, so
 * there the text is the standard comment (`ICMT`) and this software name (`ISFT`) marks it as ours.
 */
export const SPEECH_TEXT_FIELD = "CAMB_SANDBOX_TEXT";
export const SANDBOX_SOFTWARE = "camb-kit sandbox";

/** At most this much text is carried (UTF-8 bytes); a reader retains no more than this of any tag. */
export const MAX_CARRIED_TEXT_BYTES = 1024 * 1024;

const utf8 = new TextEncoder();

/**
 * The text as carried: without NUL characters (they end an INFO string and separate ID3v2.4 values), cut
 * to `MAX_CARRIED_TEXT_BYTES` on a character boundary. Valid UTF-8 never contains 0xFF, so the ID3 tag can
 * hold no false MPEG sync and needs no unsynchronisation.
 */
export function carriedText(text: string): Uint8Array {
  const bytes = utf8.encode(text.replaceAll("\u0000", ""));
  if (bytes.length <= MAX_CARRIED_TEXT_BYTES) return bytes;
  let end = MAX_CARRIED_TEXT_BYTES;
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--; // back off a continuation byte
  return bytes.subarray(0, end);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function le32(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n, true);
  return out;
}

/** An INFO sub-chunk: id, size (including the NUL), the string, a NUL, and a pad byte to an even size. */
function infoEntry(id: string, value: Uint8Array): Uint8Array {
  const size = value.length + 1;
  return concat([ascii(id), le32(size), value, new Uint8Array(1 + (size % 2))]);
}

/** `LIST` chunk of type `INFO` with `ISFT` (the mark) and `ICMT` (the text); always an even size. */
export function riffInfoChunk(text: string): Uint8Array {
  const body = concat([
    ascii("INFO"),
    infoEntry("ISFT", utf8.encode(SANDBOX_SOFTWARE)),
    infoEntry("ICMT", carriedText(text)),
  ]);
  return concat([ascii("LIST"), le32(body.length), body]);
}

/**
 * A FLAC `VORBIS_COMMENT` metadata block (type 4): header, then the little-endian Vorbis comment (vendor,
 * one `CAMB_SANDBOX_TEXT=<text>` field). `last` sets the last-metadata-block flag.
 */
export function vorbisCommentBlock(text: string, last: boolean): Uint8Array {
  const vendor = utf8.encode(SANDBOX_SOFTWARE);
  const field = concat([utf8.encode(`${SPEECH_TEXT_FIELD}=`), carriedText(text)]);
  const body = concat([le32(vendor.length), vendor, le32(1), le32(field.length), field]);
  const header = new Uint8Array([
    (last ? 0x80 : 0) | 4,
    body.length >>> 16,
    (body.length >>> 8) & 0xff,
    body.length & 0xff,
  ]);
  return concat([header, body]);
}

/** ID3v2.4 sizes are "syncsafe": 28 bits, 7 per byte, so no size byte looks like an MPEG sync. */
function syncsafe(n: number): Uint8Array {
  return new Uint8Array([(n >>> 21) & 0x7f, (n >>> 14) & 0x7f, (n >>> 7) & 0x7f, n & 0x7f]);
}

/**
 * An ID3v2.4 tag holding one `TXXX` frame: encoding 3 (UTF-8), description `CAMB_SANDBOX_TEXT`, a NUL,
 * then the text. It goes before the first MPEG frame, where every reader looks for it.
 */
export function id3v2Tag(text: string): Uint8Array {
  const frameBody = concat([
    new Uint8Array([3]),
    utf8.encode(SPEECH_TEXT_FIELD),
    new Uint8Array(1),
    carriedText(text),
  ]);
  const frame = concat([ascii("TXXX"), syncsafe(frameBody.length), new Uint8Array(2), frameBody]);
  return concat([ascii("ID3"), new Uint8Array([4, 0, 0]), syncsafe(frame.length), frame]);
}
