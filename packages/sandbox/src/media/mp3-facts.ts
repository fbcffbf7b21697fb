// Duration of an MPEG audio stream: a Xing/Info/VBRI header's count, else frames counted as they pass.
import type { ByteCursor } from "./byte-cursor.js";
import type { ContainerFacts } from "./container-facts.js";
import { declaredSamples, type MpegFrame, parseFrameHeader, sameStream } from "./mpeg-header.js";

/** The longest run of non-audio bytes searched for a first frame (junk, or a tag we did not recognise). */
const MAX_LEADING_JUNK = 64 * 1024;

/** Moves to the next frame header (matching `like`, if given) and returns it; undefined at the end. */
async function nextFrame(
  cursor: ByteCursor,
  like: MpegFrame | undefined,
  limit: number,
): Promise<MpegFrame | undefined> {
  for (let scanned = 0; scanned <= limit; scanned++) {
    if (cursor.available < 4 && !(await cursor.ensure(4))) return undefined;
    const frame = cursor.byteAt(0) === 0xff ? parseFrameHeader(cursor.peek(4)) : undefined;
    if (frame && (!like || sameStream(like, frame))) return frame;
    cursor.advance(1);
  }
  return undefined;
}

/** Whether the cursor is at an MPEG audio frame header. */
export function startsWithMpegFrame(cursor: ByteCursor): boolean {
  return cursor.available >= 4 && parseFrameHeader(cursor.peek(4)) !== undefined;
}

/**
 * Reads an MPEG audio stream at the cursor (any ID3v2 tag already consumed). Counted frames span the whole
 * stream, so when the caller's limit cut it short the duration is unknown unless a header declared it.
 */
export async function mp3Facts(cursor: ByteCursor): Promise<ContainerFacts> {
  const first = await nextFrame(cursor, undefined, MAX_LEADING_JUNK);
  if (!first) return { durationSeconds: undefined };
  await cursor.ensure(first.bytes);
  const declared = declaredSamples(first, cursor.peek(first.bytes));
  if (declared !== undefined) return { durationSeconds: declared / first.sampleRate };
  let samples = 0;
  for (
    let frame: MpegFrame | undefined = first;
    frame;
    frame = await nextFrame(cursor, first, Number.POSITIVE_INFINITY)
  ) {
    // Most frames are already buffered: skip them without a promise each.
    if (cursor.available >= frame.bytes) cursor.advance(frame.bytes);
    // A frame cut off by the end of the stream is not audio a decoder plays.
    else if ((await cursor.skip(frame.bytes)) < frame.bytes) break;
    samples += frame.samples;
  }
  return { durationSeconds: cursor.truncated ? undefined : samples / first.sampleRate };
}
