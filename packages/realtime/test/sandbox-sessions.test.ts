// The three sessions against the sandbox's faithful servers over 127.0.0.1: what the package sends is what the
// protocols take, live speech transcribes back to its text, and the documented failures reach the caller typed.
import { createCambClient, unwrap } from "@camb-kit/client";
import { operations } from "@camb-kit/client/spec";
import { type RunningSandbox, startSandbox } from "@camb-kit/sandbox";
import { afterEach, describe, expect, test } from "vitest";
import {
  openLiveSpeech,
  openLiveTranscription,
  openRealtimeTranslation,
  RealtimePaymentRequiredError,
  RealtimeUnauthorizedError,
} from "../src/index.js";
import { collect } from "./helpers/collect.js";

const KEY = "sandbox-sessions-key-7d1f";
let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function clientFor(apiKey = KEY) {
  sandbox ??= await startSandbox({ port: 0, apiKeys: [KEY] });
  return createCambClient({ apiKey, baseUrl: sandbox.url, realtimeBaseUrl: sandbox.realtimeUrl });
}

async function firstVoice(camb: Awaited<ReturnType<typeof clientFor>>): Promise<number> {
  const [voice] = unwrap(await camb.GET(operations.listVoices.path));
  if (!voice) throw new Error("the sandbox has no voice");
  return voice.id;
}

/** Speaks `text` live as WAV and returns the bytes of its one segment. */
async function speak(text: string): Promise<Uint8Array> {
  const camb = await clientFor();
  const session = openLiveSpeech(camb, { voice_id: await firstVoice(camb), output_format: "wav" });
  const sending = session.sendText(text).then(() => session.finish());
  const { events, error } = await collect(session);
  await sending;
  expect(error).toBeUndefined();
  expect(events.map((event) => event.type)).toEqual(
    expect.arrayContaining(["session.ready", "segment.start", "audio", "segment.done", "session.done"]),
  );
  const chunks = events.flatMap((event) => (event.type === "audio" ? [event.data] : []));
  const bytes = new Uint8Array(chunks.reduce((n, chunk) => n + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

describe("against the sandbox", () => {
  test("live speech, sent to live transcription as a WAV file, gives back its text", async () => {
    const text = "The sandbox hears what it said.";
    const wav = await speak(text);
    expect(new TextDecoder().decode(wav.subarray(0, 4))).toBe("RIFF");
    const listen = openLiveTranscription(await clientFor(), { language: "en-us" });
    const piping = listen.pipeAudio(wav, { pace: "fast" }).then(() => listen.finish());
    const { events, error } = await collect(listen);
    await piping;
    expect(error).toBeUndefined();
    const finals = events.flatMap((event) =>
      event.type === "Results" && event.is_final ? [event.channel.alternatives[0]?.transcript ?? ""] : [],
    );
    expect(finals.join(" ").trim()).toBe(text);
  });

  test("realtime translation of live speech answers the transcript, the translation and audio", async () => {
    const wav = await speak("Good morning.");
    const session = openRealtimeTranslation(await clientFor(), {
      source_language: "en-us",
      target_language: "de-de",
      output_modalities: ["text", "audio"],
    });
    await session.ready;
    await session.pipeAudio(wav, { pace: "fast" });
    const seen: string[] = [];
    let audioBytes = 0;
    for await (const event of session) {
      seen.push(event.type);
      if (event.type === "audio") audioBytes += event.data.byteLength;
      if (event.type === "response.audio.done") break; // the protocol has no end message: the caller stops
    }
    expect(seen).toEqual(
      expect.arrayContaining([
        "conversation.item.input_audio_transcription.completed",
        "response.text.delta",
        "response.text.done",
      ]),
    );
    expect(audioBytes).toBeGreaterThan(0);
  });

  test("a key the server does not know ends the session with RealtimeUnauthorizedError, without the key", async () => {
    const wrong = "not-the-key-0a9b8c7d";
    const camb = await clientFor(wrong);
    const session = openLiveTranscription(camb, {});
    const { error } = await collect(session);
    expect(error).toBeInstanceOf(RealtimeUnauthorizedError);
    expect(String((error as Error).message)).not.toContain(wrong);
  });

  test("no credits ends the session with RealtimePaymentRequiredError", async () => {
    const camb = await clientFor();
    const session = openLiveSpeech(camb, { voice_id: await firstVoice(camb), output_format: "wav" });
    const sending = session
      .sendText("[sandbox:payment] Nothing left.")
      .then(() => session.finish())
      .catch(() => {});
    const { error } = await collect(session);
    await sending;
    expect(error).toBeInstanceOf(RealtimePaymentRequiredError);
  });
});
