// useRealtimeTranslation with the real worklet source (fake Web Audio) against the sandbox's realtime
// translation over a real WebSocket: what was heard, its translation, and the translated speech played.
import { once } from "node:events";
import { decodeSandboxSpeech, renderSandboxSpeech } from "@camb-kit/sandbox";
import { act, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type RealtimeTranslationOptions, useRealtimeTranslation } from "../src/index.js";
import { FakeMediaStream, installFakeAudio } from "./helpers/fake-audio.js";
import { RecordedWebSocket, sockets, startLiveSandbox } from "./helpers/live-sandbox.js";
import { renderCambHook } from "./helpers/render.js";

const SPOKEN = "Good morning, everyone.";
const SETTINGS = { source_language: "en-us", target_language: "de-de" };
const SLOW = { timeout: 30_000 };

function speech(text: string): Float32Array {
  const pcm = renderSandboxSpeech(text, { sampleRate: 48_000 });
  const floats = new Float32Array(pcm.length + 48_000);
  floats.set(Float32Array.from(pcm, (sample) => sample / 0x8000));
  return floats;
}

async function renderTranslation(options: RealtimeTranslationOptions = {}) {
  const { client } = await startLiveSandbox();
  return renderCambHook(
    () => useRealtimeTranslation({ ...options, sessionOptions: { WebSocket: RecordedWebSocket } }),
    { client },
  );
}

describe("useRealtimeTranslation", () => {
  it("shows what was heard and its translation, and plays the translated speech", async () => {
    const microphone = new FakeMediaStream(speech(SPOKEN));
    const audio = installFakeAudio(() => microphone);
    const { result } = await renderTranslation();
    await act(() => result.current.start(SETTINGS));
    expect(result.current.status).toBe("listening");
    expect(result.current.session).toMatchObject({ source_language: "en-us", target_language: "de-de" });

    await waitFor(() => expect(result.current.turns[0]?.done).toBe(true), SLOW);
    const [turn] = result.current.turns;
    expect(turn!.heard).toBe(SPOKEN);
    expect(turn!.translation).toMatch(/^\[de-de\] /);

    // The translated speech, queued back to back at the channel's output rate, says the translation.
    const [player] = audio.contexts;
    await waitFor(() => expect(result.current.speaking).toBe(true), SLOW);
    await waitFor(() => {
      const played = player!.sources.map((source) => source.buffer!);
      expect(new Set(played.map((buffer) => buffer.sampleRate))).toEqual(new Set([24_000]));
      const samples = new Float32Array(played.reduce((sum, buffer) => sum + buffer.length, 0));
      let offset = 0;
      for (const buffer of played) {
        samples.set(buffer.getChannelData(0), offset);
        offset += buffer.length;
      }
      const said = decodeSandboxSpeech(samples, 24_000).map((utterance) => utterance.text);
      expect(said).toEqual([turn!.translation]);
    }, SLOW);
    const starts = player!.sources.map((source) => source.startedAt!);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    act(() => player!.finishPlayback());
    await waitFor(() => expect(result.current.speaking).toBe(false));

    const closed = once(sockets[0]!, "close");
    await act(() => result.current.stop());
    await closed;
    expect(result.current.status).toBe("done");
    expect(microphone.stopped).toBe(true);
  });

  it("with playback off, plays nothing and hands the audio to onEvent", async () => {
    const audio = installFakeAudio(() => new FakeMediaStream(speech(SPOKEN)));
    const heard: number[] = [];
    const { result } = await renderTranslation({
      playback: false,
      onEvent: (event) => {
        if (event.type === "audio") heard.push(event.data.byteLength);
      },
    });
    await act(() => result.current.start(SETTINGS));
    await waitFor(() => expect(heard.length).toBeGreaterThan(0), SLOW);
    expect(audio.contexts).toHaveLength(1); // the capture's only
    act(() => result.current.cancel());
    expect(result.current.status).toBe("idle");
  });
});
