// Facts about media read from its stream as it arrives: format, duration, the sandbox's spoken text.
import { ByteCursor } from "./byte-cursor.js";
import { ascii } from "./bytes.js";
import type { ContainerFacts } from "./container-facts.js";
import { flacFacts } from "./flac-facts.js";
import { readId3v2, startsWithId3 } from "./id3v2.js";
import { mp3Facts, startsWithMpegFrame } from "./mp3-facts.js";
import { wavFacts } from "./wav-facts.js";

export type MediaFormat = "wav" | "flac" | "mp3" | "unknown";

export interface MediaFacts {
  format: MediaFormat;
  /** Seconds of audio; undefined for unknown formats, or when the header and the bytes cannot tell. */
  durationSeconds: number | undefined;
  /** The text the sandbox's own speech carries (see audio/speech-tags.ts); absent for foreign media. */
  text?: string;
  /** Bytes read: the whole stream, or `maxBytes` when it was longer. */
  bytes: number;
  /** Whether the stream went past `maxBytes` (it was then cancelled and read no further). */
  truncated: boolean;
}

export interface ReadMediaFactsOptions {
  /** Read at most this many bytes; durations that only the whole stream shows are then unknown. */
  maxBytes?: number;
}

function sniff(cursor: ByteCursor): MediaFormat {
  const head = cursor.peek(12);
  const riff = ascii(head, 0, 4);
  if ((riff === "RIFF" || riff === "RF64") && ascii(head, 8, 4) === "WAVE") return "wav";
  if (ascii(head, 0, 4) === "fLaC") return "flac";
  return startsWithMpegFrame(cursor) ? "mp3" : "unknown";
}

/**
 * Reads a media stream to its end with bounded memory (one chunk, plus at most one tag of
 * `MAX_TAG_BYTES`): it never holds the file, so it can be fed an upload as it arrives. Runtime-neutral: no
 * Node module, so it runs where the msw handlers do. A leading ID3v2 tag is read for MP3 (and the FLAC
 * files that carry one); an MP3 whose first frame lies past unknown bytes is still found.
 */
export async function readMediaFacts(
  stream: ReadableStream<Uint8Array>,
  options: ReadMediaFactsOptions = {},
): Promise<MediaFacts> {
  const cursor = new ByteCursor(stream, options.maxBytes);
  try {
    await cursor.ensure(12);
    const tagged = startsWithId3(cursor);
    const id3Text = tagged ? await readId3v2(cursor) : undefined;
    await cursor.ensure(12);
    let format = sniff(cursor);
    // An ID3v2 tag belongs to MP3, whose first frame may lie further on.
    if (format === "unknown" && tagged) format = "mp3";
    const facts: ContainerFacts =
      format === "wav"
        ? await wavFacts(cursor)
        : format === "flac"
          ? await flacFacts(cursor)
          : format === "mp3"
            ? await mp3Facts(cursor)
            : { durationSeconds: undefined };
    await cursor.drain();
    const text = facts.text ?? id3Text;
    return {
      format,
      durationSeconds: facts.durationSeconds,
      ...(text === undefined ? {} : { text }),
      bytes: cursor.position,
      truncated: cursor.truncated,
    };
  } finally {
    await cursor.release();
  }
}
