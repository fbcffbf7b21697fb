// Live TTS over a real WebSocket: segments of decodable audio in the asked format, the protocol's order and
// limits, its close codes, and text that live transcription gives back.
import { readFileSync } from "node:fs";
import { channels } from "@camb-kit/client/spec";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type RunningSandbox, type SandboxOptions, startSandbox } from "../src/index.js";
import { readMediaFacts } from "../src/media/read-media-facts.js";
import { decodeSandboxSpeech } from "../src/realtime/speech-decoder.js";
import { ffmpegToWav, ffprobe, flacTest, writeTemp } from "./helpers/decoders.js";
import { openChannel, type TestSocket } from "./helpers/ws-client.js";

const spec = channels.liveSpeech;
const KEY = { "x-api-key": "test-key" };
const START = { type: "session.start", voice_id: 147320 };

let sb: RunningSandbox | undefined;
async function start(options: SandboxOptions = {}): Promise<RunningSandbox> {
  sb = await startSandbox(options);
  return sb;
}
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

/** The audio of each segment: the binary frames between its segment.start and segment.done. */
function segments(socket: TestSocket): { text: string; frames: Uint8Array[] }[] {
  const out: { text: string; frames: Uint8Array[] }[] = [];
  for (const frame of socket.frames) {
    if (frame.kind === "json" && frame.message.type === "segment.start")
      out.push({ text: String(frame.message.text), frames: [] });
    else if (frame.kind === "binary") out.at(-1)?.frames.push(frame.data);
  }
  return out;
}

function join(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The PCM16 samples of a WAV file the sandbox wrote (its data chunk is last). */
function wavSamples(bytes: Uint8Array): { samples: Int16Array; rate: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = String.fromCharCode(...bytes.subarray(at, at + 4));
    const size = view.getUint32(at + 4, true);
    if (id === "data") {
      const data = bytes.slice(at + 8, at + 8 + size);
      return { samples: new Int16Array(data.buffer), rate: view.getUint32(24, true) };
    }
    at += 8 + size + (size % 2);
  }
  throw new Error("no data chunk");
}

describe("live TTS", () => {
  it("answers session.ready, speaks each sentence as a segment of WAV audio, then session.done and 1000", async () => {
    const sandbox = await start();
    const socket = openChannel(sandbox, "liveSpeech", { headers: KEY });
    await socket.opened;
    socket.send({ ...START, output_format: "wav", sample_rate: 16000 });
    const ready = await socket.message("session.ready");
    expect(ready).toMatchObject({ session_id: expect.any(String), run_id: expect.any(Number) });
    expect(ready.config).toMatchObject({
      voice_id: 147320,
      language: "en-us",
      output_format: "wav",
      sample_rate: 16000,
    });
    socket.send({ type: "text.chunk", text: "Hello there. How are" });
    socket.send({ type: "text.chunk", text: " you today? Fine" });
    socket.send({ type: "text.done" });
    const closed = await socket.closed;
    expect(closed.code).toBe(1000);
    expect(socket.invalid).toEqual([]);
    const types = socket.messages.map((m) => m.type);
    expect(types).toEqual([
      "session.ready",
      ...["segment.start", "segment.done"],
      ...["segment.start", "segment.done"],
      ...["segment.start", "segment.done"],
      "session.done",
    ]);
    const spoken = segments(socket);
    expect(spoken.map((s) => s.text)).toEqual(["Hello there.", "How are you today?", "Fine"]);
    for (const segment of spoken) {
      for (const frame of segment.frames)
        expect(frame.length).toBeLessThanOrEqual(spec.audioOut.maxFrameBytes);
      const file = join(segment.frames);
      const probe = ffprobe(writeTemp(file, "wav"));
      expect(probe).toMatchObject({ codec: "pcm_s16le", sampleRate: 16000, channels: 1 });
      // The container carries the text as REST speech does, and the sound carries it for live transcription.
      const facts = await readMediaFacts(new Blob([file]).stream());
      expect(facts).toMatchObject({ format: "wav", text: segment.text });
      const { samples, rate } = wavSamples(file);
      expect(decodeSandboxSpeech(samples, rate).map((u) => u.text)).toEqual([segment.text]);
    }
  });

  it("cuts a long segment into frames of at most 64 KiB, and FLAC segments pass flac -t", async () => {
    const sandbox = await start();
    const socket = openChannel(sandbox, "liveSpeech", { headers: KEY });
    await socket.opened;
    const text = `${"A long sentence that goes on and on ".repeat(8)}to the end.`;
    socket.send({ ...START, output_format: "flac", sample_rate: 48000 });
    socket.send({ type: "text.chunk", text });
    socket.send({ type: "text.done" });
    expect((await socket.closed).code).toBe(1000);
    const [segment] = segments(socket);
    const sizes = segment?.frames.map((frame) => frame.length) ?? [];
    expect(sizes.length).toBeGreaterThan(2);
    expect(Math.max(...sizes)).toBe(spec.audioOut.maxFrameBytes);
    const file = join(segment?.frames ?? []);
    expect(flacTest(writeTemp(file, "flac")).status).toBe(0);
    expect(await readMediaFacts(new Blob([file]).stream())).toMatchObject({ format: "flac", text });
  });

  it("speaks MP3 (the default format) whose segments play as one stream and transcribe to the text", async () => {
    const sandbox = await start();
    const socket = openChannel(sandbox, "liveSpeech", { query: { api_key: "in-the-query" } });
    await socket.opened;
    socket.send(START);
    socket.send({ type: "text.chunk", text: "One sentence here. And a second one!" });
    socket.send({ type: "text.done" });
    expect((await socket.closed).code).toBe(1000);
    const spoken = segments(socket);
    const stream = join(spoken.flatMap((s) => s.frames));
    const wav = ffmpegToWav(writeTemp(stream, "mp3"));
    const { samples, rate } = wavSamples(new Uint8Array(readFileSync(wav)));
    expect(rate).toBe(24000);
    expect(decodeSandboxSpeech(samples, rate).map((u) => u.text)).toEqual([
      "One sentence here.",
      "And a second one!",
    ]);
  });

  it("gives word timestamps within each segment when asked", async () => {
    const sandbox = await start();
    const socket = openChannel(sandbox, "liveSpeech", { headers: KEY });
    await socket.opened;
    socket.send({ ...START, word_timestamps: true, output_format: "wav" });
    socket.send({ type: "text.chunk", text: "Three little words." });
    socket.send({ type: "text.done" });
    const segment = await socket.message("segment.start");
    const words = segment.word_timestamps as { word: string; start: number; end: number }[];
    expect(words.map((w) => w.word)).toEqual(["Three", "little", "words."]);
    for (const [i, word] of words.entries()) {
      expect(word.end).toBeGreaterThan(word.start);
      if (i > 0) expect(word.start).toBeGreaterThanOrEqual(words[i - 1]?.end ?? 0);
    }
    await socket.closed;
    expect(socket.invalid).toEqual([]);
  });

  it("speaks a fragment with no sentence end after the idle timeout", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const sandbox = await start();
      const socket = openChannel(sandbox, "liveSpeech", { headers: KEY });
      await socket.opened;
      socket.send({ ...START, idle_timeout: 5, output_format: "wav" });
      socket.send({ type: "text.chunk", text: "A whole sentence. And a fragment" });
      // The first segment shows the chunk has been read, and with it the idle timer set.
      await socket.until((frames) =>
        frames.some((f) => f.kind === "json" && f.message.type === "segment.done"),
      );
      vi.advanceTimersByTime(5000);
      await socket.until(() => segments(socket).length === 2, "the fragment's segment");
      expect(segments(socket).map((s) => s.text)).toEqual(["A whole sentence.", "And a fragment"]);
      socket.send({ type: "text.done" });
      expect((await socket.closed).code).toBe(1000);
    } finally {
      vi.useRealTimers();
    }
  });

  it("logs the upgrade as a GET of its path, and gives each session its own ids", async () => {
    const sandbox = await start();
    const ready = [];
    for (let i = 0; i < 2; i++) {
      const socket = openChannel(sandbox, "liveSpeech", { headers: KEY });
      await socket.opened;
      socket.send(START);
      ready.push(await socket.message("session.ready"));
      socket.socket.close();
      await socket.closed;
    }
    expect(ready[0]?.session_id).not.toBe(ready[1]?.session_id);
    expect(ready[0]?.run_id).not.toBe(ready[1]?.run_id);
    const logged = sandbox.requests.filter((r) => r.path === spec.path);
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ method: "GET", headers: { "x-api-key": "test-key" } });
  });
});

describe("live TTS refusals", () => {
  async function refused(
    first: object | string | Uint8Array | undefined,
    options: SandboxOptions = {},
    headers: Record<string, string> = KEY,
  ) {
    const sandbox = await start(options);
    const socket = openChannel(sandbox, "liveSpeech", { headers });
    await socket.opened;
    if (first !== undefined) socket.send(first);
    const closed = await socket.closed;
    expect(socket.invalid).toEqual([]);
    return { closed, error: socket.messages.find((m) => m.type === spec.error) };
  }

  it("closes with 4401 when the key is missing or not one of apiKeys", async () => {
    const missing = await refused(START, { apiKeys: ["good"] }, {});
    expect(missing.closed.code).toBe(4401);
    expect(missing.error).toMatchObject({
      code: "unauthorized",
      message: expect.stringContaining("x-api-key"),
    });
    const wrong = await refused(START, { apiKeys: ["good"] }, { "x-api-key": "bad-secret" });
    expect(wrong.closed).toEqual({ code: 4401, reason: "Invalid API key." });
    expect(JSON.stringify(wrong)).not.toContain("bad-secret");
  });

  it.each([
    ["a start without voice_id", { type: "session.start" }, "voice_id"],
    ["a frame that is not JSON", "hello", "not JSON"],
    ["text before session.start", { type: "text.chunk", text: "Hi." }, "session.start"],
    ["an unknown message type", { type: "session.begin" }, "type"],
    ["a binary first frame", new Uint8Array([1, 2, 3]), "JSON"],
    ["a voice the account does not have", { ...START, voice_id: 12 }, "voice_id"],
    ["a language the sandbox does not speak", { ...START, language: "xx-yy" }, "language"],
    ["AAC, which the sandbox cannot encode", { ...START, output_format: "aac" }, "aac"],
    ["an MP3 sample rate MP3 cannot carry", { ...START, sample_rate: 44000 }, "sample_rate"],
  ])("closes with 4400 for %s, saying why", async (_name, first, why) => {
    const { closed, error } = await refused(first);
    expect(closed.code).toBe(4400);
    expect(closed.reason).toContain(why);
    expect(error).toMatchObject({ code: "bad_request", message: expect.stringContaining(why) });
  });

  it("closes with 4402 at the segment that carries [sandbox:payment], after the ones before it", async () => {
    const sandbox = await start();
    const socket = openChannel(sandbox, "liveSpeech", { headers: KEY });
    await socket.opened;
    socket.send({ ...START, output_format: "wav" });
    socket.send({ type: "text.chunk", text: "This one is paid for. This one is not [sandbox:payment]. " });
    const closed = await socket.closed;
    expect(closed.code).toBe(4402);
    expect(segments(socket).map((s) => s.text)).toEqual(["This one is paid for."]);
    expect(socket.messages.at(-1)).toMatchObject({ type: "session.error", code: "payment_required" });
  });

  it("closes with 1011 and a session.error at a segment that carries [sandbox:error]", async () => {
    const sandbox = await start();
    const socket = openChannel(sandbox, "liveSpeech", { headers: KEY });
    await socket.opened;
    socket.send(START);
    socket.send({ type: "text.chunk", text: "Boom [sandbox:error]. " });
    expect((await socket.closed).code).toBe(1011);
    expect(socket.messages.at(-1)).toMatchObject({ type: "session.error", code: "internal_error" });
  });
});
