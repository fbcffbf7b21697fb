// Live TTS sends each segment as a file of its own in the session's container. Written back to back they are
// not one file a player reads whole (a WAV or FLAC decoder stops after the first segment, silently), so the
// joiner keeps one header for the stream and only the audio of every segment, and fills in, once the file is
// complete, what only the end can tell (WAV sizes, the FLAC sample count).
import { open } from "node:fs/promises";
import { CambError } from "@camb-kit/client";
import { normalizeMediaType } from "@camb-kit/client/spec";
import { fillWavSizes, wavHeader } from "./wav-container.js";

/** Segments whose layouts differ cannot share one header. */
export class SegmentLayoutError extends CambError {
  override readonly name: string = "SegmentLayoutError";
}

export interface SegmentJoiner {
  /** Audio of segment `segment` (a new id starts the next segment's file); answers the bytes to write. */
  push(segment: number | undefined, bytes: Uint8Array): Uint8Array[];
  /** Once every byte is in the file at `path` (undefined: a pipe), writes what the end tells. */
  finish(path: string | undefined, fileBytes: number): Promise<void>;
}

/** What a segment's header said: the bytes it takes, what the stream gets instead, the audio bytes after it. */
interface SegmentHeader {
  skip: number;
  emit: Uint8Array[];
  /** Bytes of audio after the header, when the header says (WAV's data size); the rest is not audio. */
  audioBytes?: number;
}

/** One container's way of reading a segment: its header, then its audio bytes. */
interface Container {
  /** Reads a segment's header from `head` (all bytes so far); undefined while more are needed. */
  header(head: Uint8Array, first: boolean): SegmentHeader | undefined;
  finish(path: string, fileBytes: number): Promise<void>;
}

const MAX_HEADER_BYTES = 1024 * 1024;
const text4 = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** WAV: the chunks up to `data` are dropped; the stream gets one plain header, its sizes filled in at the end. */
function wavContainer(): Container {
  let layout: string | undefined;
  return {
    header(head, first) {
      if (head.length < 12) return undefined;
      const data = view(head);
      let format: { sampleRate: number; channels: number; bitsPerSample: number } | undefined;
      for (let at = 12; at + 8 <= head.length; ) {
        const id = text4(head, at);
        const size = data.getUint32(at + 4, true);
        if (id === "fmt " && at + 24 <= head.length) {
          format = {
            channels: data.getUint16(at + 10, true),
            sampleRate: data.getUint32(at + 12, true),
            bitsPerSample: data.getUint16(at + 22, true),
          };
        }
        if (id === "data") {
          if (!format)
            throw new SegmentLayoutError("a live TTS WAV segment has no fmt chunk before its data");
          const key = JSON.stringify(format);
          if (!first && key !== layout)
            throw new SegmentLayoutError(`live TTS segments changed layout: ${key}`);
          layout = key;
          // 0 and 0xFFFFFFFF are "unknown" (a WAV written while it was made): then the audio runs to the end.
          const audioBytes = size === 0 || size === 0xffff_ffff ? undefined : size;
          return { skip: at + 8, emit: first ? [wavHeader(format)] : [], audioBytes };
        }
        at += 8 + size + (size % 2);
      }
      return undefined;
    },
    finish: fillWavSizes,
  };
}

/** FLAC: "fLaC" and STREAMINFO once (sizes and MD5 marked unknown), every segment's metadata dropped. */
function flacContainer(): Container {
  const STREAMINFO_AT = 8; // "fLaC", then the block header
  let totalSamples = 0;
  let layout: string | undefined;
  return {
    header(head, first) {
      if (head.length < 4) return undefined;
      let streamInfo: Uint8Array | undefined;
      for (let at = 4; at + 4 <= head.length; ) {
        const length = ((head[at + 1] ?? 0) << 16) | ((head[at + 2] ?? 0) << 8) | (head[at + 3] ?? 0);
        if (at + 4 + length > head.length) return undefined;
        if (((head[at] ?? 0) & 0x7f) === 0) streamInfo = head.slice(at + 4, at + 4 + length);
        if (((head[at] ?? 0) & 0x80) === 0) {
          at += 4 + length;
          continue;
        }
        if (!streamInfo) throw new SegmentLayoutError("a live TTS FLAC segment has no STREAMINFO");
        // Sample count: the low 4 bits of byte 13 and bytes 14–17 (36 bits).
        totalSamples += ((streamInfo[13] ?? 0) & 0x0f) * 2 ** 32 + view(streamInfo).getUint32(14);
        const key = Array.from(streamInfo.subarray(10, 13)).join(); // rate, channels, bits per sample
        if (!first && key !== layout) throw new SegmentLayoutError("live TTS FLAC segments changed layout");
        layout = key;
        if (!first) return { skip: at + 4 + length, emit: [] };
        const info = streamInfo.slice();
        info.fill(0, 4, 10); // frame sizes: unknown (segments differ)
        info[13] = (info[13] ?? 0) & 0xf0; // sample count: unknown until the end
        info.fill(0, 14, 34); // ... and the MD5 ("not computed")
        return {
          skip: at + 4 + length,
          emit: [Uint8Array.from([0x66, 0x4c, 0x61, 0x43, 0x80, 0, 0, 34]), info],
        };
      }
      return undefined;
    },
    async finish(path) {
      const count = new Uint8Array(5);
      const file = await open(path, "r+");
      try {
        await file.read(count, 0, 1, STREAMINFO_AT + 13);
        count[0] = ((count[0] ?? 0) & 0xf0) | Math.floor(totalSamples / 2 ** 32);
        view(count).setUint32(1, totalSamples % 2 ** 32);
        await file.write(count, 0, 5, STREAMINFO_AT + 13);
      } finally {
        await file.close();
      }
    },
  };
}

/** MP3: frames play back to back; each segment's ID3v2 tag (it names that segment only) is dropped. */
function mp3Container(): Container {
  return {
    header(head) {
      if (head.length < 3) return undefined;
      if (text4(head, 0).slice(0, 3) !== "ID3") return { skip: 0, emit: [] };
      if (head.length < 10) return undefined;
      const size = ((head[6] ?? 0) << 21) | ((head[7] ?? 0) << 14) | ((head[8] ?? 0) << 7) | (head[9] ?? 0);
      const footer = ((head[5] ?? 0) & 0x10) !== 0 ? 10 : 0;
      return { skip: 10 + size + footer, emit: [] };
    },
    finish: async () => {},
  };
}

const CONTAINERS: Readonly<Record<string, () => Container>> = {
  "audio/wav": wavContainer,
  "audio/flac": flacContainer,
  "audio/mpeg": mp3Container,
};

/** A joiner for segments of `mediaType`; one it has no rule for (ADTS frames) is passed through as it is. */
export function segmentJoiner(mediaType: string): SegmentJoiner {
  const container = CONTAINERS[normalizeMediaType(mediaType)]?.();
  let current: number | undefined | null = null;
  let first = true;
  let head: Uint8Array | undefined;
  let skip = 0;
  let left = Number.POSITIVE_INFINITY;
  return {
    push(segment, bytes) {
      if (!container) return [bytes];
      const out: Uint8Array[] = [];
      if (current === null || (segment !== undefined && segment !== current)) {
        if (current !== null) first = false;
        current = segment;
        head = new Uint8Array(0);
        skip = 0;
      }
      let rest = bytes;
      if (head) {
        const joined = new Uint8Array(head.length + rest.length);
        joined.set(head);
        joined.set(rest, head.length);
        const read = container.header(joined, first);
        if (!read) {
          if (joined.length > MAX_HEADER_BYTES)
            throw new SegmentLayoutError("a live TTS segment's header is too large");
          head = joined;
          return out;
        }
        head = undefined;
        out.push(...read.emit);
        skip = read.skip;
        left = read.audioBytes ?? Number.POSITIVE_INFINITY;
        rest = joined;
      }
      const dropped = Math.min(skip, rest.length);
      skip -= dropped;
      const audio = rest.subarray(dropped, dropped + Math.min(rest.length - dropped, left));
      left -= audio.length;
      if (audio.length > 0) out.push(audio);
      return out;
    },
    async finish(path, fileBytes) {
      if (container && path !== undefined) await container.finish(path, fileBytes);
    },
  };
}
