// saveAudio saves every source kind byte for byte, with progress, content types and backpressure.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../../../tests/support/http-server.js";
import { saveAudio } from "../src/index.js";
import { bytes, entries, sameBytes, tempDir } from "./helpers/temp-dir.js";

const DATA = bytes(200_000);
let server: TestServer | undefined;
afterEach(() => server?.close());

function chunks(data: Uint8Array, size = 16_384): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < data.length; i += size) out.push(data.subarray(i, i + size));
  return out;
}

async function* generate(data: Uint8Array) {
  for (const chunk of chunks(data)) yield chunk;
}

function webStream(data: Uint8Array): ReadableStream<Uint8Array> {
  const parts = chunks(data);
  return new ReadableStream({ pull: (c) => (parts.length ? c.enqueue(parts.shift()!) : c.close()) });
}

async function fetchFromServer(): Promise<Response> {
  server = await startServer((_req, res) => {
    res.writeHead(200, { "content-type": "audio/flac", "content-length": DATA.length });
    res.end(DATA);
  });
  return fetch(`${server.url}/a.flac`);
}

describe("saveAudio: every source kind", () => {
  const kinds: [string, () => Promise<Parameters<typeof saveAudio>[0]> | Parameters<typeof saveAudio>[0]][] =
    [
      ["web ReadableStream", () => webStream(DATA)],
      ["Node Readable", () => Readable.from(chunks(DATA))],
      ["Response (real HTTP)", fetchFromServer],
      ["Blob", () => new Blob([DATA], { type: "audio/wav" })],
      ["Uint8Array", () => DATA],
      ["Buffer", () => Buffer.from(DATA)],
      ["ArrayBuffer", () => DATA.slice().buffer],
      ["AsyncIterable", () => generate(DATA)],
    ];

  for (const [name, make] of kinds) {
    it(`saves a ${name} byte for byte, with no temp file left`, async () => {
      const dir = await tempDir();
      const result = await saveAudio(await make(), join(dir, "out.flac"));
      expect(result.path).toBe(join(dir, "out.flac"));
      expect(result.bytes).toBe(DATA.length);
      expect(sameBytes(await readFile(result.path), DATA)).toBe(true);
      expect(await entries(dir)).toEqual(["out.flac"]);
    });
  }

  it("reports the content type of a Response or Blob", async () => {
    const dir = await tempDir();
    expect((await saveAudio(await fetchFromServer(), join(dir, "a"))).contentType).toBe("audio/flac");
    expect((await saveAudio(new Blob([DATA], { type: "audio/wav" }), join(dir, "b"))).contentType).toBe(
      "audio/wav",
    );
    expect((await saveAudio(DATA, join(dir, "c"))).contentType).toBeUndefined();
  });

  it("reports progress with the Content-Length as total", async () => {
    const dir = await tempDir();
    const seen: { bytes: number; totalBytes: number | undefined }[] = [];
    await saveAudio(await fetchFromServer(), join(dir, "a.flac"), { onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toEqual({ bytes: DATA.length, totalBytes: DATA.length });
    expect(seen.every((p, i) => i === 0 || p.bytes > seen[i - 1]!.bytes)).toBe(true);
  });

  it("a Content-Length it cannot trust is not a length check, and never an option error", async () => {
    const dir = await tempDir();
    for (const length of ["12abc", "1, 2", "-5"]) {
      const response = new Response(webStream(DATA), { headers: { "content-length": length } });
      const result = await saveAudio(response, join(dir, `malformed.flac`));
      expect(result.bytes, length).toBe(DATA.length);
    }
  });

  it("an empty source makes an empty file", async () => {
    const dir = await tempDir();
    const result = await saveAudio(new Uint8Array(0), join(dir, "empty.wav"));
    expect(result.bytes).toBe(0);
    expect((await readFile(result.path)).length).toBe(0);
  });

  it("replaces an existing file by default", async () => {
    const dir = await tempDir();
    const target = join(dir, "a.flac");
    await writeFile(target, "old");
    await saveAudio(DATA, target);
    expect(sameBytes(await readFile(target), DATA)).toBe(true);
    expect(await entries(dir)).toEqual(["a.flac"]);
  });

  it("honours backpressure: the producer never runs far ahead of the file", async () => {
    const dir = await tempDir();
    const chunk = new Uint8Array(64 * 1024);
    const total = 64 * 1024 * 1024;
    let produced = 0;
    let maxAhead = 0;
    async function* producer() {
      while (produced < total) {
        produced += chunk.length;
        yield chunk;
      }
    }
    await saveAudio(producer(), join(dir, "big.pcm"), {
      onProgress: ({ bytes: written }) => {
        maxAhead = Math.max(maxAhead, produced - written);
      },
    });
    // Buffers between the stages hold a few highWaterMarks, never the whole 64 MiB.
    expect(maxAhead).toBeLessThan(1024 * 1024);
  });

  it("refuses sources it cannot read", async () => {
    const dir = await tempDir();
    const locked = webStream(DATA);
    locked.getReader();
    await expect(saveAudio(locked, join(dir, "a"))).rejects.toThrow(/tee\(\)/);
    await expect(saveAudio(42 as never, join(dir, "a"))).rejects.toThrow(TypeError);
    expect(await entries(dir)).toEqual([]);
  });
});
