// useLiveSpeech against the sandbox's live TTS over a real WebSocket: segments play as they arrive (one
// MediaSource stream for mp3, Web Audio per segment for wav), errors are typed, stop and unmount close.
import { once } from "node:events";
import { RealtimeUnauthorizedError } from "@camb-kit/realtime";
import { act, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type LiveSpeechOptions, useLiveSpeech } from "../src/index.js";
import { installFakeAudio } from "./helpers/fake-audio.js";
import { FakeMediaSource } from "./helpers/fake-media-source.js";
import { RecordedWebSocket, sockets, startLiveSandbox } from "./helpers/live-sandbox.js";
import { renderCambHook } from "./helpers/render.js";

const VOICE = { voice_id: 147320, language: "en-us" } as const;
/** The sandbox's mp3 encoder is pure JavaScript: on a busy machine a segment takes a while. */
const SLOW = { timeout: 30_000 };

async function renderLive(options: LiveSpeechOptions = {}, apiKeys?: string[]) {
  const { client } = await startLiveSandbox(apiKeys ? { apiKeys } : {});
  const audio = document.createElement("audio");
  const rendered = renderCambHook(
    () => useLiveSpeech({ ...options, sessionOptions: { WebSocket: RecordedWebSocket } }),
    { client },
  );
  act(() => rendered.result.current.audioRef(audio));
  return { ...rendered, audio };
}

let play: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  play = vi.spyOn(HTMLMediaElement.prototype, "play").mockResolvedValue(undefined);
});

describe("useLiveSpeech with MediaSource (mp3, the default format)", () => {
  beforeEach(() => {
    FakeMediaSource.instances.length = 0;
    vi.stubGlobal("MediaSource", FakeMediaSource);
    const original = URL.createObjectURL.bind(URL);
    let count = 0;
    vi.spyOn(URL, "createObjectURL").mockImplementation((object) =>
      object instanceof FakeMediaSource ? `blob:media-source-${++count}` : original(object),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it("plays the first sentence while the text is still being written, then the rest, then ends", async () => {
    const { result, audio } = await renderLive();
    // "How" must wait for the rest of its sentence: with the default idle_timeout of 1 s, a busy machine
    // could reach that flush before the test sends " are you?", and the sentence would be two segments.
    await act(() => result.current.start({ ...VOICE, idle_timeout: 3600 }));
    expect(result.current).toMatchObject({ status: "ready", buffering: true, mode: "media-source" });
    expect(result.current.sessionId).toEqual(expect.any(String));
    expect(result.current.runId).toEqual(expect.any(Number));

    await act(() => result.current.sendText("Hello there. How"));
    await waitFor(
      () => expect(result.current.segments).toEqual([{ id: 0, text: "Hello there.", state: "done" }]),
      SLOW,
    );
    // The first segment is in the MediaSource, and playing was asked for, before any more text was sent.
    const buffer = FakeMediaSource.instances[0]!.buffers[0]!;
    await waitFor(() => expect(buffer.byteLength).toBeGreaterThan(0), SLOW);
    const [b0, b1] = buffer.chunks[0]!;
    expect(b0 === 0xff && (b1! & 0xe0) === 0xe0).toBe(true); // an MPEG audio frame's sync word
    expect(play).toHaveBeenCalledTimes(1);
    expect(result.current.timeToFirstAudioMs).toBeGreaterThanOrEqual(0);
    const firstSegmentBytes = buffer.byteLength;

    await act(() => result.current.sendText(" are you?"));
    await act(() => result.current.finish());
    expect(result.current.segments.map((segment) => [segment.text, segment.state])).toEqual([
      ["Hello there.", "done"],
      ["How are you?", "done"],
    ]);
    await waitFor(() => expect(FakeMediaSource.instances[0]!.endOfStreamCalls).toBe(1), SLOW);
    expect(buffer.byteLength).toBeGreaterThan(firstSegmentBytes);

    act(() => void audio.dispatchEvent(new Event("playing")));
    expect(result.current).toMatchObject({ status: "playing", playing: true });
    act(() => void audio.dispatchEvent(new Event("ended")));
    expect(result.current).toMatchObject({ status: "ended", ended: true, error: undefined });
  });

  it("a key the API refuses ends the session with RealtimeUnauthorizedError in `error`", async () => {
    const { result } = await renderLive({}, ["some-other-key"]);
    await act(() => result.current.start(VOICE));
    await waitFor(() => expect(result.current.status).toBe("error"), SLOW);
    expect(result.current.error).toBeInstanceOf(RealtimeUnauthorizedError);
  });

  it("sendText() before start() is a programming error", async () => {
    const { result } = await renderLive();
    await expect(result.current.sendText("too early")).rejects.toThrow(TypeError);
  });

  it("stop() closes the session and a new start() opens another; unmounting closes that one", async () => {
    const { result, unmount } = await renderLive();
    await act(() => result.current.start(VOICE));
    const first = sockets[0]!;
    const firstClosed = once(first, "close");
    act(() => result.current.stop());
    await firstClosed;
    expect(result.current.status).toBe("idle");

    await act(() => result.current.start(VOICE));
    expect(result.current.status).toBe("ready");
    const second = sockets[1]!;
    const secondClosed = once(second, "close");
    unmount();
    await secondClosed;
  });
});

describe("useLiveSpeech through Web Audio (formats MediaSource does not take)", () => {
  it("decodes each wav segment whole and schedules them back to back", async () => {
    const audio = installFakeAudio(() => {
      throw new Error("no microphone here");
    });
    const { result } = await renderLive();
    await act(() => result.current.start({ ...VOICE, output_format: "wav" }));
    expect(result.current.mode).toBe("web-audio");
    await act(() => result.current.sendText("One sentence. Another one."));
    await act(() => result.current.finish());

    const [context] = audio.contexts;
    await waitFor(() => expect(context!.sources).toHaveLength(2), SLOW);
    const riff = context!.decoded.map((bytes) => new TextDecoder().decode(bytes.subarray(0, 4)));
    expect(riff).toEqual(["RIFF", "RIFF"]); // each segment a whole file of its own
    const [a, b] = context!.sources;
    expect(b!.startedAt).toBeCloseTo(a!.startedAt! + 1, 5); // the fake decodes every file to 1 s
    expect(result.current.status).toBe("playing");
    act(() => context!.finishPlayback());
    await waitFor(() => expect(result.current.status).toBe("ended"), SLOW);
  });
});
