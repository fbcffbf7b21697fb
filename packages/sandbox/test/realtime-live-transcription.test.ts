// Live transcription over a real WebSocket: Results aligned to the audio received, interim then final, the
// sandbox's own speech (from live TTS too) given back as its text, placeholders otherwise, and refusals.
import { spawnSync } from "node:child_process";
import { channels } from "@camb-kit/client/spec";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningSandbox, renderSandboxSpeech, type SandboxOptions, startSandbox } from "../src/index.js";
import { joinSamples, pcm16Bytes, resampleLinear, withNoise } from "./helpers/pcm-signal.js";
import { openChannel, type TestSocket } from "./helpers/ws-client.js";

const spec = channels.liveTranscription;
const KEY = { "x-api-key": "test-key" };

let sb: RunningSandbox | undefined;
async function start(options: SandboxOptions = {}): Promise<RunningSandbox> {
  sb = await startSandbox(options);
  return sb;
}
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

type Result = {
  type: string;
  is_final?: boolean;
  start: number;
  duration: number;
  channel: { alternatives: { transcript: string; words: { word: string; start: number; end: number }[] }[] };
};

const results = (socket: TestSocket) =>
  socket.messages.filter((m) => m.type === "Results" || m.type === spec.done) as unknown as Result[];
const transcript = (result: Result | undefined) => result?.channel.alternatives[0]?.transcript;
const finals = (socket: TestSocket) =>
  results(socket)
    .filter((r) => r.is_final && transcript(r))
    .map(transcript);

/** Sends bytes in chunks of `chunk` bytes (100 ms of 16 kHz PCM16 by default). */
function stream(socket: TestSocket, bytes: Uint8Array, chunk = 3200): void {
  for (let at = 0; at < bytes.length; at += chunk) socket.send(bytes.subarray(at, at + chunk));
}

async function transcribe(
  bytes: Uint8Array,
  query: Record<string, string | number> = {},
  options: SandboxOptions = {},
) {
  const sandbox = await start(options);
  const socket = openChannel(sandbox, "liveTranscription", { headers: KEY, query });
  await socket.opened;
  await socket.message(spec.ready);
  stream(socket, bytes);
  socket.send({ type: spec.end });
  const closed = await socket.closed;
  expect(socket.invalid).toEqual([]);
  return { socket, closed };
}

/** Audio through sox: raw PCM16 mono at `from` Hz to the encoding, rate and channels given. */
function soxConvert(samples: Int16Array, from: number, to: string[]): Uint8Array {
  const input = ["-t", "raw", "-e", "signed-integer", "-b", "16", "-c", "1", "-L", "-r", String(from), "-"];
  const result = spawnSync("sox", [...input, "-t", "raw", ...to, "-"], { input: pcm16Bytes(samples) });
  if (result.status !== 0) throw new Error(`sox failed: ${result.stderr}`);
  return new Uint8Array(result.stdout);
}

describe("live transcription", () => {
  it("answers Ready, interim and final Results for each utterance of the sandbox's speech, then Final and 1000", async () => {
    const rate = spec.audioIn.sampleRate;
    const speech = joinSamples([
      new Int16Array(rate / 2),
      renderSandboxSpeech("Hello there, how are you?", { sampleRate: rate }),
      renderSandboxSpeech("Very well, thank you.", { sampleRate: rate }),
    ]);
    const { socket, closed } = await transcribe(pcm16Bytes(speech));
    expect(closed.code).toBe(1000);
    expect(socket.messages[0]?.type).toBe(spec.ready);
    expect(socket.messages.at(-1)?.type).toBe(spec.done);
    expect(finals(socket)).toEqual(["Hello there, how are you?", "Very well, thank you."]);
    const all = results(socket);
    const interim = all.filter((r) => !r.is_final);
    expect(interim.length).toBeGreaterThan(2);
    // Interim results are cumulative: each repeats the utterance so far and adds whole words.
    const firstUtterance = interim.filter((r) => r.start < 1).map((r) => transcript(r) ?? "");
    for (const [i, text] of firstUtterance.entries()) {
      expect("Hello there, how are you?".startsWith(`${text}`)).toBe(true);
      if (i > 0) expect(text.length).toBeGreaterThan(firstUtterance[i - 1]?.length ?? 0);
    }
    const first = all.find((r) => r.is_final);
    expect(first?.start).toBeCloseTo(0.5, 1);
    const audioSeconds = speech.length / rate;
    for (const result of all) {
      expect(result.start + result.duration).toBeLessThanOrEqual(audioSeconds + 0.05);
      for (const word of result.channel.alternatives[0]?.words ?? []) {
        expect(word.start).toBeGreaterThanOrEqual(result.start - 0.001);
        expect(word.end).toBeLessThanOrEqual(result.start + result.duration + 0.001);
      }
    }
  });

  it("hears a word only once its audio has arrived, and closes the utterance when its time is over", async () => {
    const rate = spec.audioIn.sampleRate;
    const speech = renderSandboxSpeech("One two three four five six seven eight.", { sampleRate: rate });
    const half = Math.floor(speech.length / 2);
    const sandbox = await start();
    const socket = openChannel(sandbox, "liveTranscription", { headers: KEY });
    await socket.opened;
    stream(socket, pcm16Bytes(speech.subarray(0, half)));
    await socket.until(() => results(socket).length > 0, "an interim result");
    await socket.until(
      () => results(socket).some((r) => transcript(r)?.split(" ").length === 4),
      "four words",
    );
    const heard = results(socket);
    expect(heard.every((r) => !r.is_final)).toBe(true);
    for (const r of heard) expect(r.start + r.duration).toBeLessThanOrEqual(half / rate);
    stream(socket, pcm16Bytes(speech.subarray(half)));
    await socket.until(() => results(socket).some((r) => r.is_final), "the final result");
    expect(finals(socket)).toEqual(["One two three four five six seven eight."]);
    socket.send({ type: spec.keepAlive });
    socket.send({ type: spec.end });
    expect((await socket.closed).code).toBe(1000);
    expect(transcript(results(socket).at(-1))).toBe(""); // the Final: nothing was left
  });

  it("gives back the text of live TTS audio, converted to 16 kHz PCM16 as a client would", async () => {
    const sandbox = await start();
    const tts = openChannel(sandbox, "liveSpeech", { headers: KEY });
    await tts.opened;
    tts.send({ type: "session.start", voice_id: 147320, output_format: "wav", sample_rate: 24000 });
    tts.send({ type: "text.chunk", text: "Live speech goes in. Its words come out again!" });
    tts.send({ type: "text.done" });
    await tts.closed;
    // Each segment is a whole WAV file: its samples follow the 44-byte header and the INFO chunk.
    const pcm: Int16Array[] = [];
    let file: Uint8Array[] = [];
    for (const frame of tts.frames) {
      if (frame.kind === "binary") file.push(frame.data);
      else if (frame.kind === "json" && frame.message.type === "segment.done") {
        const bytes = new Uint8Array(Buffer.concat(file));
        const dataAt = Buffer.from(bytes).indexOf("data") + 8;
        pcm.push(new Int16Array(bytes.slice(dataAt).buffer));
        file = [];
      }
    }
    const audio = resampleLinear(joinSamples(pcm), 24000, 16000);
    const socket = openChannel(sandbox, "liveTranscription", { query: { x_api_key: "query-key" } });
    await socket.opened;
    stream(socket, pcm16Bytes(audio));
    socket.send({ type: spec.end });
    await socket.closed;
    expect(finals(socket)).toEqual(["Live speech goes in.", "Its words come out again!"]);
  });

  it.each([
    ["mulaw", 8000, 1, ["-e", "u-law", "-b", "8", "-c", "1", "-r", "8000"]],
    ["alaw", 8000, 1, ["-e", "a-law", "-b", "8", "-c", "1", "-r", "8000"]],
    ["linear32", 48000, 2, ["-e", "signed-integer", "-b", "32", "-L", "-c", "2", "-r", "48000"]],
    ["linear16", 44100, 2, ["-e", "signed-integer", "-b", "16", "-L", "-c", "2", "-r", "44100"]],
  ])("reads %s audio at %i Hz, %i channel(s), as the query says", async (encoding, rate, count, sox) => {
    const speech = renderSandboxSpeech("Audio in another layout.", { sampleRate: 24000 });
    const bytes = soxConvert(speech, 24000, sox as string[]);
    const { socket } = await transcribe(bytes, { encoding, sample_rate: rate, channels: count });
    expect(finals(socket)).toEqual(["Audio in another layout."]);
  });

  it("answers placeholder sentences for other audible audio, and nothing for silence", async () => {
    const rate = spec.audioIn.sampleRate;
    const noise = withNoise(new Int16Array(rate * 12), 0.1);
    const { socket } = await transcribe(pcm16Bytes(noise));
    expect(finals(socket)).toEqual([
      "Sandbox transcript, segment 1.",
      "Sandbox transcript, segment 2.",
      "Sandbox transcript, segment 3.",
    ]);
    const quiet = await transcribe(pcm16Bytes(new Int16Array(rate * 8)));
    expect(finals(quiet.socket)).toEqual([]);
    expect(quiet.socket.messages.map((m) => m.type)).toEqual([spec.ready, spec.done]);
  });
});

describe("live transcription refusals", () => {
  async function refused(
    query: Record<string, string>,
    options: SandboxOptions = {},
    headers: Record<string, string> = KEY,
  ) {
    const sandbox = await start(options);
    const socket = openChannel(sandbox, "liveTranscription", { headers, query });
    await socket.opened;
    const closed = await socket.closed;
    expect(socket.invalid).toEqual([]);
    return { closed, error: socket.messages.find((m) => m.type === spec.error) };
  }

  it("closes with 4401 for a missing or unknown key", async () => {
    expect((await refused({}, { apiKeys: ["good"] }, {})).closed.code).toBe(4401);
    const wrong = await refused({ x_api_key: "bad-secret" }, { apiKeys: ["good"] }, {});
    expect(wrong.closed.code).toBe(4401);
    expect(wrong.error).toMatchObject({ code: "unauthorized" });
    expect(JSON.stringify(wrong)).not.toContain("bad-secret");
  });

  it.each([
    ["an unknown encoding", { encoding: "opus" }, "encoding"],
    ["a sample rate that is not a number", { sample_rate: "fast" }, "sample_rate"],
    ["a sample rate past what the sandbox takes", { sample_rate: "1000000000" }, "Hz"],
  ])("closes with 4400 for %s", async (_name, query, why) => {
    const { closed, error } = await refused(query);
    expect(closed.code).toBe(4400);
    expect(closed.reason).toContain(why);
    expect(error).toMatchObject({ code: "bad_request" });
  });

  it("closes with 4402 when the query carries [sandbox:payment], 1011 for [sandbox:error]", async () => {
    expect((await refused({ model: "[sandbox:payment]" })).closed.code).toBe(4402);
    expect((await refused({ model: "[sandbox:error]" })).closed.code).toBe(1011);
  });

  it("closes with 4400 for a text frame that is not one of its messages", async () => {
    const sandbox = await start();
    const socket = openChannel(sandbox, "liveTranscription", { headers: KEY });
    await socket.opened;
    socket.send({ type: "Finalize" });
    const closed = await socket.closed;
    expect(closed.code).toBe(4400);
    expect(closed.reason).toContain("KeepAlive");
  });
});
