// useLiveTranscription with the hooks' real worklet source (in a fake AudioWorkletGlobalScope) against the
// sandbox's live transcription over a real WebSocket: the sandbox's own speech comes back as its words.
import { once } from "node:events";
import { decodeSandboxSpeech, renderSandboxSpeech } from "@camb-kit/sandbox";
import { act, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type LiveTranscriptionOptions, MicrophoneBacklogError, useLiveTranscription } from "../src/index.js";
import { FakeMediaStream, installFakeAudio } from "./helpers/fake-audio.js";
import { RecordedWebSocket, sockets, startLiveSandbox } from "./helpers/live-sandbox.js";
import { renderCambHook } from "./helpers/render.js";

const SPOKEN = "Hello there, live captions.";
const SLOW = { timeout: 30_000 };
const RATE = 48_000; // the fake AudioContext's, as a device's would be

/** The sandbox's speech of `text` at the device's rate, then `silence` seconds of nothing. */
function speech(text: string, silence = 1): Float32Array {
  const pcm = renderSandboxSpeech(text, { sampleRate: RATE });
  const floats = new Float32Array(pcm.length + silence * RATE);
  floats.set(Float32Array.from(pcm, (sample) => sample / 0x8000));
  return floats;
}

const seconds = (text: string) =>
  decodeSandboxSpeech(renderSandboxSpeech(text, { sampleRate: 16_000 }), 16_000)[0]!.seconds;

async function renderTranscription(options: LiveTranscriptionOptions = {}, WebSocket = RecordedWebSocket) {
  const { client, sandbox } = await startLiveSandbox();
  const rendered = renderCambHook(
    () => useLiveTranscription({ ...options, sessionOptions: { WebSocket, ...options.sessionOptions } }),
    { client },
  );
  return { ...rendered, sandbox };
}

describe("useLiveTranscription", () => {
  it("captures the microphone as PCM16 at the session's rate, and the sandbox hears the words", async () => {
    const microphone = new FakeMediaStream(speech(SPOKEN));
    const audio = installFakeAudio(() => microphone);
    const { result, sandbox } = await renderTranscription({ query: { language: "en-us" } });
    await act(() => result.current.start());
    expect(audio.getUserMedia).toHaveBeenCalledWith({ audio: { channelCount: 1 } });
    expect(result.current.status).toBe("listening");

    await waitFor(() => expect(result.current.segments).toHaveLength(1), SLOW);
    expect(result.current.transcript).toBe(SPOKEN);
    const [segment] = result.current.segments;
    // Times in seconds of the audio the session received: right only if its rate was.
    expect(segment!.start).toBeCloseTo(0, 1);
    expect(segment!.duration).toBeCloseTo(seconds(SPOKEN), 1);
    expect(segment!.words.map((word) => word.word).join(" ")).toBe(SPOKEN);

    await act(() => result.current.stop());
    expect(result.current).toMatchObject({ status: "done", interim: "", error: undefined });
    expect(microphone.stopped).toBe(true);
    expect(audio.contexts[0]!.state).toBe("closed");
    const upgrade = sandbox.requests.find((request) => request.path.endsWith("/listen"));
    expect(new URL(upgrade!.url).searchParams.get("language")).toBe("en-us");
  });

  it("resamples to the sample_rate the query asks for", async () => {
    installFakeAudio(() => new FakeMediaStream(speech(SPOKEN)));
    const { result } = await renderTranscription({ query: { sample_rate: 24_000 } });
    await act(() => result.current.start());
    await waitFor(() => expect(result.current.segments).toHaveLength(1), SLOW);
    expect(result.current.transcript).toBe(SPOKEN);
    expect(result.current.segments[0]!.duration).toBeCloseTo(seconds(SPOKEN), 1);
    await act(() => result.current.stop());
  });

  it("shows interim results of the utterance before its final one", async () => {
    installFakeAudio(() => new FakeMediaStream(speech(SPOKEN)));
    const interims: string[] = [];
    const { result } = await renderTranscription({
      onEvent: (event) => {
        if (event.type === "Results" && !event.is_final)
          interims.push(event.channel.alternatives[0]!.transcript);
      },
    });
    await act(() => result.current.start());
    await waitFor(() => expect(result.current.segments).toHaveLength(1), SLOW);
    expect(interims.length).toBeGreaterThan(0);
    expect(SPOKEN.startsWith(interims[0]!)).toBe(true);
    await act(() => result.current.stop());
  });

  it("captures a stream it is given and leaves its tracks running; cancel() closes the session", async () => {
    const audio = installFakeAudio(() => {
      throw new Error("the microphone was not to be asked for");
    });
    const given = new FakeMediaStream(speech(SPOKEN, 0));
    const { result } = await renderTranscription();
    await act(() => result.current.start(given as unknown as MediaStream));
    expect(audio.getUserMedia).not.toHaveBeenCalled();
    const closed = once(sockets[0]!, "close");
    act(() => result.current.cancel());
    await closed;
    expect(result.current.status).toBe("idle");
    expect(given.stopped).toBe(false);
    expect(audio.contexts[0]!.state).toBe("closed");
  });

  it("unmounting releases the microphone and closes the session", async () => {
    const microphone = new FakeMediaStream(speech(SPOKEN));
    installFakeAudio(() => microphone);
    const { result, unmount } = await renderTranscription();
    await act(() => result.current.start());
    const closed = once(sockets[0]!, "close");
    unmount();
    await closed;
    expect(microphone.stopped).toBe(true);
  });

  it("a link slower than real time ends the session with MicrophoneBacklogError, holding no more", async () => {
    // A socket whose send buffer never drains: every send waits, and the captured audio piles up.
    class StuckWebSocket extends RecordedWebSocket {
      constructor(...args: ConstructorParameters<typeof RecordedWebSocket>) {
        super(...args);
        Object.defineProperty(this, "bufferedAmount", { get: () => Number.MAX_SAFE_INTEGER });
      }
    }
    const microphone = new FakeMediaStream(speech(SPOKEN, 12));
    installFakeAudio(() => microphone);
    const { result } = await renderTranscription({}, StuckWebSocket);
    await act(() => result.current.start());
    await waitFor(() => expect(result.current.status).toBe("error"), SLOW);
    expect(result.current.error).toBeInstanceOf(MicrophoneBacklogError);
    expect(microphone.stopped).toBe(true);
  });

  it("refuses a query whose audio it cannot capture (another encoding, more channels)", async () => {
    installFakeAudio(() => new FakeMediaStream(speech(SPOKEN)));
    const { result } = await renderTranscription({ query: { encoding: "mulaw" } });
    await expect(result.current.start()).rejects.toThrow(TypeError);
    expect(sockets).toHaveLength(0);
  });
});
