// Realtime translation over a real WebSocket: the key in the first message, the session's start, and for each
// utterance its transcript, the translation as text deltas and as speech that decodes to the translation.
import { channels } from "@camb-kit/client/spec";
import { afterEach, describe, expect, it } from "vitest";
import {
  decodeSandboxSpeech,
  type RunningSandbox,
  renderSandboxSpeech,
  type SandboxOptions,
  startSandbox,
} from "../src/index.js";
import { joinSamples, pcm16Bytes, pcm16Samples } from "./helpers/pcm-signal.js";
import { openChannel, type TestSocket } from "./helpers/ws-client.js";

const spec = channels.realtimeTranslation;
const RATE = spec.audioIn.sampleRate;
const SESSION = { source_language: "en-US", target_language: "de-DE" };
const UPDATE = { type: spec.start, session: SESSION, auth: { api_key: "test-key" } };

let sb: RunningSandbox | undefined;
async function start(options: SandboxOptions = {}): Promise<RunningSandbox> {
  sb = await startSandbox(options);
  return sb;
}
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

/** Sends PCM16 as the channel takes it: base64 in append messages, 100 ms each. */
function sendAudio(socket: TestSocket, samples: Int16Array): void {
  const bytes = pcm16Bytes(samples);
  const chunk = (RATE * 2) / 10;
  for (let at = 0; at < bytes.length; at += chunk)
    socket.send({
      type: spec.audioIn.message,
      [spec.audioIn.field]: Buffer.from(bytes.subarray(at, at + chunk)).toString("base64"),
    });
}

const types = (socket: TestSocket) => socket.messages.map((m) => m.type);

describe("realtime translation", () => {
  it("starts, then answers each utterance's transcript, translated text deltas and translated speech", async () => {
    const sandbox = await start({ apiKeys: ["test-key"] });
    const socket = openChannel(sandbox, "realtimeTranslation", { query: { model: "iris" } });
    await socket.opened;
    socket.send(UPDATE);
    const created = await socket.message(spec.ready);
    expect(types(socket).slice(0, 2)).toEqual(["session.starting", spec.ready]);
    expect(created.session).toMatchObject({
      id: expect.any(String),
      model: "iris",
      ...SESSION,
      output_modalities: ["text", "audio"],
    });
    sendAudio(
      socket,
      joinSamples([
        new Int16Array(RATE / 4),
        renderSandboxSpeech("Good morning.", { sampleRate: RATE }),
        new Int16Array(RATE / 4),
      ]),
    );
    await socket.message("response.audio.done");
    expect(socket.invalid).toEqual([]);
    expect(
      socket.messages.find((m) => m.type === "conversation.item.input_audio_transcription.completed"),
    ).toMatchObject({
      transcript: "Good morning.",
    });
    const deltas = socket.messages.filter((m) => m.type === "response.text.delta").map((m) => m.delta);
    const done = await socket.message("response.text.done");
    expect(done.text).toBe("[de-de] Good morning.");
    expect(deltas.join("")).toBe(done.text);
    expect(deltas.length).toBeGreaterThan(1);
    const audio = joinSamples(
      socket.frames.flatMap((f) => (f.kind === "binary" ? [pcm16Samples(f.data)] : [])),
    );
    expect(decodeSandboxSpeech(audio, spec.audioOut.sampleRate).map((u) => u.text)).toEqual([
      "[de-de] Good morning.",
    ]);
    socket.socket.close(1000);
    expect((await socket.closed).code).toBe(1000);
    expect(sandbox.requests.at(-1)).toMatchObject({ method: "GET", path: spec.path });
  });

  it("answers text only when the session asks for text only, and session.updated for a later update", async () => {
    const sandbox = await start();
    const socket = openChannel(sandbox, "realtimeTranslation");
    await socket.opened;
    socket.send({ ...UPDATE, session: { ...SESSION, output_modalities: ["text"] } });
    expect((await socket.message(spec.ready)).session).toMatchObject({ model: spec.query.defaults.model });
    socket.send({
      type: spec.start,
      session: { ...SESSION, target_language: "fr-FR", output_modalities: ["text"] },
    });
    expect((await socket.message("session.updated")).session).toMatchObject({ target_language: "fr-FR" });
    sendAudio(socket, renderSandboxSpeech("Thank you.", { sampleRate: RATE }));
    expect((await socket.message("response.text.done")).text).toBe("[fr-fr] Thank you.");
    socket.socket.close(1000);
    await socket.closed;
    expect(socket.frames.some((f) => f.kind === "binary")).toBe(false);
    expect(types(socket)).not.toContain("response.audio.done");
  });
});

describe("realtime translation refusals", () => {
  async function refused(first: object | Uint8Array, options: SandboxOptions = {}) {
    const sandbox = await start(options);
    const socket = openChannel(sandbox, "realtimeTranslation");
    await socket.opened;
    socket.send(first);
    const closed = await socket.closed;
    expect(socket.invalid).toEqual([]);
    return { closed, error: socket.messages.find((m) => m.type === spec.error) };
  }

  it("closes with 4401 without auth.api_key, or with a key not in apiKeys", async () => {
    const missing = await refused({ type: spec.start, session: SESSION });
    expect(missing.closed.code).toBe(4401);
    expect(missing.error).toMatchObject({ error: { message: expect.stringContaining("auth.api_key") } });
    const wrong = await refused({ ...UPDATE, auth: { api_key: "bad-secret" } }, { apiKeys: ["good"] });
    expect(wrong.closed.code).toBe(4401);
    expect(JSON.stringify(wrong)).not.toContain("bad-secret");
  });

  it.each([
    ["audio before session.update", { type: spec.audioIn.message, audio: "AAAA" }, "session.update"],
    [
      "a session without its languages",
      { type: spec.start, session: {}, auth: UPDATE.auth },
      "source_language",
    ],
    ["a binary frame", new Uint8Array(10), "base64"],
  ])("closes with 4400 for %s", async (_name, first, why) => {
    const { closed, error } = await refused(first);
    expect(closed.code).toBe(4400);
    expect(closed.reason).toContain(why);
    expect(error).toBeDefined();
  });

  it("closes with 4402 for [sandbox:payment] in the session, 1011 for [sandbox:error]", async () => {
    const payment = { ...UPDATE, session: { ...SESSION, source_language: "[sandbox:payment]" } };
    expect((await refused(payment)).closed.code).toBe(4402);
    const error = { ...UPDATE, session: { ...SESSION, source_language: "[sandbox:error]" } };
    expect((await refused(error)).closed.code).toBe(1011);
  });
});
