// Duration and spoken text of a RIFF/WAVE stream: its chunks walked, its samples skipped unkept.
import { SANDBOX_SOFTWARE } from "../audio/speech-tags.js";
import type { ByteCursor } from "./byte-cursor.js";
import { ascii, le16, le32, utf8 } from "./bytes.js";
import { type ContainerFacts, MAX_TAG_BYTES } from "./container-facts.js";

/** The data size streamed WAVs (and ours past 4 GiB) declare: "until the end of the file". */
const UNTIL_END = 0xffffffff;

/** Format tags whose block is one sample frame: PCM, IEEE float, A-law, mu-law, WAVE_FORMAT_EXTENSIBLE. */
const FRAME_BLOCKS = new Set([1, 3, 6, 7, 0xfffe]);

interface Format {
  tag: number;
  sampleRate: number;
  byteRate: number;
  blockAlign: number;
}

/** `INFO` entries of a `LIST` chunk body (after its "INFO" type), as id -> text. */
function infoEntries(body: Uint8Array): Map<string, string> {
  const entries = new Map<string, string>();
  for (let at = 4; at + 8 <= body.length; ) {
    const size = le32(body, at + 4);
    entries.set(ascii(body, at, 4), utf8(body.subarray(at + 8, at + 8 + size)));
    at += 8 + size + (size % 2);
  }
  return entries;
}

/**
 * Reads the chunks after "RIFF....WAVE" (already in the cursor). The duration is the data chunk's whole
 * frames over the sample rate, counting the bytes that actually arrive (a streamed WAV declares no size, a
 * cut one more than it has), except when reading stopped at the caller's limit: then the declared size.
 * The text is `ICMT` when `ISFT` names the sandbox (see audio/speech-tags.ts).
 */
export async function wavFacts(cursor: ByteCursor): Promise<ContainerFacts> {
  await cursor.skip(12);
  let format: Format | undefined;
  let dataBytes: number | undefined;
  let info = new Map<string, string>();
  for (;;) {
    const header = await cursor.take(8);
    if (!header) break;
    const id = ascii(header, 0, 4);
    const size = le32(header, 4);
    const padded = size + (size % 2);
    if (id === "fmt " && size >= 16) {
      const body = (await cursor.take(16)) ?? new Uint8Array(16);
      format = {
        tag: le16(body, 0),
        sampleRate: le32(body, 4),
        byteRate: le32(body, 8),
        blockAlign: le16(body, 12),
      };
      await cursor.skip(padded - 16);
    } else if (id === "LIST" && size >= 4 && size <= MAX_TAG_BYTES) {
      const body = await cursor.take(size);
      if (body && ascii(body, 0, 4) === "INFO") info = infoEntries(body);
      await cursor.skip(padded - size);
    } else if (id === "data") {
      const arrived = await cursor.skip(size === UNTIL_END ? Number.POSITIVE_INFINITY : padded);
      if (cursor.truncated) dataBytes = size === UNTIL_END ? undefined : size;
      else dataBytes = Math.min(arrived, size);
      if (size === UNTIL_END) break;
    } else {
      await cursor.skip(padded);
    }
  }
  const text = info.get("ISFT") === SANDBOX_SOFTWARE ? info.get("ICMT") : undefined;
  return { durationSeconds: wavSeconds(format, dataBytes), ...(text === undefined ? {} : { text }) };
}

function wavSeconds(format: Format | undefined, dataBytes: number | undefined): number | undefined {
  if (!format || dataBytes === undefined) return undefined;
  if (FRAME_BLOCKS.has(format.tag) && format.blockAlign > 0 && format.sampleRate > 0)
    return Math.floor(dataBytes / format.blockAlign) / format.sampleRate;
  return format.byteRate > 0 ? dataBytes / format.byteRate : undefined; // compressed: the average rate
}
