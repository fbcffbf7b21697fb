// Joining live TTS segments (each a file of its own) into one file: one header, every segment's audio, in
// order, however the frames cut the headers; other containers' metadata of a segment dropped.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { inspectAudio } from "../src/inspect-audio.js";
import { SegmentLayoutError, segmentJoiner } from "../src/segment-joiner.js";
import { wavHeader } from "../src/wav-container.js";

const mono24k = { sampleRate: 24_000, channels: 1, bitsPerSample: 16 };

/** A WAV segment as the server sends one: a header with a LIST chunk before `data`, then the samples. */
function wavSegment(samples: number, fill: number, layout = mono24k): Uint8Array {
  const list = new Uint8Array(8 + 12);
  list.set([..."LIST"].map((c) => c.charCodeAt(0)));
  new DataView(list.buffer).setUint32(4, 12, true);
  const plain = wavHeader(layout, samples * 2);
  const header = new Uint8Array(plain.length + list.length);
  header.set(plain.subarray(0, 36));
  header.set(list, 36);
  header.set(plain.subarray(36), 36 + list.length);
  const out = new Uint8Array(header.length + samples * 2);
  out.set(header);
  out.fill(fill, header.length);
  return out;
}

function cut(bytes: Uint8Array, sizes: number[]): Uint8Array[] {
  const parts: Uint8Array[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length]!;
    parts.push(bytes.subarray(at, at + size));
    at += size;
  }
  return parts;
}

const joined = (parts: Uint8Array[]) => Buffer.concat(parts);

describe("segment joiner", () => {
  test("WAV: one header, then each segment's samples, with headers cut anywhere by the frames", async () => {
    const joiner = segmentJoiner("audio/wav");
    const out: Uint8Array[] = [];
    for (const [segment, bytes] of [
      [0, wavSegment(1_000, 1)],
      [1, wavSegment(500, 2)],
      [2, wavSegment(700, 3)],
    ] as const) {
      for (const part of cut(bytes, [7, 1, 30, 400])) out.push(...joiner.push(segment, part));
    }
    const file = joined(out);
    expect(file.length).toBe(44 + 2 * (1_000 + 500 + 700));
    expect([...file.subarray(44, 44 + 2_000)].every((byte) => byte === 1)).toBe(true);
    expect([...file.subarray(44 + 2_000, 44 + 3_000)].every((byte) => byte === 2)).toBe(true);
    expect([...file.subarray(44 + 3_000)].every((byte) => byte === 3)).toBe(true);

    const path = join(await mkdtemp(join(tmpdir(), "camb-join-")), "joined.wav");
    await writeFile(path, file);
    await joiner.finish(path, file.length);
    const info = await inspectAudio(path);
    expect(info).toMatchObject({ format: "wav", sampleRate: 24_000, channels: 1 });
    expect(info.durationSeconds).toBeCloseTo(2_200 / 24_000, 6);
    expect((await readFile(path)).readUInt32LE(40)).toBe(4_400);
  });

  test("WAV segments whose layouts differ cannot share a header", () => {
    const joiner = segmentJoiner("audio/wav");
    joiner.push(0, wavSegment(10, 1));
    expect(() => joiner.push(1, wavSegment(10, 1, { ...mono24k, sampleRate: 16_000 }))).toThrow(
      SegmentLayoutError,
    );
  });

  test("MP3: each segment's ID3v2 tag is dropped, its frames kept", () => {
    const joiner = segmentJoiner("audio/mpeg");
    const tag = Uint8Array.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 3, 9, 9, 9]);
    const frames = Uint8Array.from([0xff, 0xf3, 0x84, 0x00, 5, 6]);
    const out = [
      ...joiner.push(0, Buffer.concat([tag.subarray(0, 5)])),
      ...joiner.push(0, Buffer.concat([tag.subarray(5), frames])),
      ...joiner.push(1, Buffer.concat([tag, frames])),
    ];
    expect([...joined(out)]).toEqual([...frames, ...frames]);
  });

  test("a container without a header rule (ADTS) passes through as it is", () => {
    const joiner = segmentJoiner("audio/aac");
    const bytes = Uint8Array.from([0xff, 0xf1, 1, 2, 3]);
    expect(joiner.push(0, bytes)).toEqual([bytes]);
    expect(joiner.push(1, bytes)).toEqual([bytes]);
  });
});
