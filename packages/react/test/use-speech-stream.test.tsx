// useSpeechStream with the Blob fallback and with (fake) MediaSource: playback, quota, stop, errors.
import { CambApiError, openSpeechStream, type StreamSpeechBody } from "@camb-kit/client";
import { act, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useSpeechStream } from "../src/index.js";
import { FakeMediaSource } from "./helpers/fake-media-source.js";
import { spyOnFetchSignals } from "./helpers/fetch-signals.js";
import { renderCambHook, testClient } from "./helpers/render.js";
import { installSandbox } from "./helpers/sandbox-server.js";

// Short text: the sandbox renders ~60 ms of audio per character, and its MP3 encoder is pure JavaScript.
const speech = (format: "mp3" | "wav" | "adts"): StreamSpeechBody => ({
  text: "Streaming speech.",
  language: "en-us",
  voice_id: 147320,
  output_configuration: { format },
});

/** A stream held open after its first bytes, as a slow network would. */
const stallAfterFirstBytes = [
  { route: "streamSpeech", kind: "stall" as const, afterBytes: 512, ms: 3_600_000 },
];

let play: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  play = vi.spyOn(HTMLMediaElement.prototype, "play").mockResolvedValue(undefined);
});

/** The hook with an `<audio>` attached, as an app would render it. */
function renderPlayer(options: Parameters<typeof useSpeechStream>[0] = {}) {
  const audio = document.createElement("audio");
  const rendered = renderCambHook(() => useSpeechStream(options));
  act(() => rendered.result.current.audioRef(audio));
  return { ...rendered, audio };
}

/** Every Request the client sent, so a test can check its signal. */
const spyRequests = spyOnFetchSignals;

describe("useSpeechStream without MediaSource (Blob fallback)", () => {
  it("collects the stream, plays it from an object URL and tracks the element's state", async () => {
    installSandbox();
    const { result, audio } = renderPlayer();
    expect(result.current.status).toBe("idle");
    let done: Promise<void> | undefined;
    act(() => {
      done = result.current.speak(speech("wav"));
    });
    expect(result.current).toMatchObject({ status: "connecting", buffering: true });
    await act(() => done!);

    expect(result.current).toMatchObject({ mode: "blob", contentType: "audio/wav", error: undefined });
    expect(result.current.timeToFirstAudioMs).toBeGreaterThanOrEqual(0);
    expect(result.current.timeToCompleteMs).toBeGreaterThanOrEqual(result.current.timeToFirstAudioMs!);
    expect(audio.src).toMatch(/^blob:/);
    expect(play).toHaveBeenCalledTimes(1);

    act(() => void audio.dispatchEvent(new Event("playing")));
    expect(result.current).toMatchObject({ status: "playing", playing: true, buffering: false });
    expect(result.current.timeToPlaybackMs).toBeGreaterThanOrEqual(result.current.timeToFirstAudioMs!);
    act(() => void audio.dispatchEvent(new Event("waiting")));
    expect(result.current.buffering).toBe(true);
    act(() => void audio.dispatchEvent(new Event("ended")));
    expect(result.current).toMatchObject({ status: "ended", ended: true, playing: false });
  });

  it("stop() detaches the element, revokes the URL and ignores the element afterwards", async () => {
    installSandbox();
    const revoke = vi.spyOn(URL, "revokeObjectURL");
    const { result, audio } = renderPlayer();
    await act(() => result.current.speak(speech("wav")));
    const url = audio.src;
    act(() => result.current.stop());
    expect(revoke).toHaveBeenCalledWith(url);
    expect(audio.hasAttribute("src")).toBe(false);
    expect(result.current.status).toBe("idle");
    act(() => void audio.dispatchEvent(new Event("playing")));
    expect(result.current.status).toBe("idle");
  });

  it("unmounting mid-stream aborts the request", async () => {
    installSandbox({ faults: stallAfterFirstBytes });
    const requests = spyRequests();
    const { result, unmount } = renderPlayer();
    act(() => void result.current.speak(speech("wav")));
    await waitFor(() => expect(result.current.timeToFirstAudioMs).toBeDefined());
    expect(requests).toHaveLength(1);
    expect(requests[0]!.aborted).toBe(false);
    unmount();
    expect(requests[0]!.aborted).toBe(true);
    expect(play).not.toHaveBeenCalled();
    expect(requests).toHaveLength(1);
  });

  it("reports an API error (422 for a format the sandbox cannot encode)", async () => {
    installSandbox();
    const { result } = renderPlayer();
    await act(() => result.current.speak(speech("adts")));
    expect(result.current.status).toBe("error");
    expect(result.current.error).toBeInstanceOf(CambApiError);
    expect((result.current.error as CambApiError).status).toBe(422);
    expect(play).not.toHaveBeenCalled();
  });

  it("reports a rejected play() (autoplay policy) as an error", async () => {
    installSandbox();
    play.mockRejectedValue(new DOMException("Autoplay blocked", "NotAllowedError"));
    const { result } = renderPlayer();
    await act(() => result.current.speak(speech("wav")));
    await waitFor(() => expect(result.current.status).toBe("error"));
    expect((result.current.error as DOMException).name).toBe("NotAllowedError");
  });
});

describe("useSpeechStream with MediaSource", () => {
  beforeEach(() => {
    FakeMediaSource.instances.length = 0;
    vi.stubGlobal("MediaSource", FakeMediaSource);
    // Node's URL.createObjectURL only takes Blobs; a browser's also takes a MediaSource.
    const original = URL.createObjectURL.bind(URL);
    let count = 0;
    vi.spyOn(URL, "createObjectURL").mockImplementation((object) =>
      object instanceof FakeMediaSource ? `blob:media-source-${++count}` : original(object),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeMediaSource.quota = Infinity;
  });

  it("appends every chunk as it arrives, starts playing after the first and ends the stream", async () => {
    installSandbox();
    const expected = new Uint8Array(
      await new Response((await openSpeechStream(testClient(), speech("mp3"))).stream).arrayBuffer(),
    );
    const revoke = vi.spyOn(URL, "revokeObjectURL");
    const { result, audio } = renderPlayer();
    await act(() => result.current.speak(speech("mp3")));

    expect(result.current).toMatchObject({ mode: "media-source", contentType: "audio/mpeg" });
    const [source] = FakeMediaSource.instances;
    const buffer = source!.buffers[0]!;
    expect(buffer.byteLength).toBe(expected.byteLength);
    expect(new Uint8Array(await new Blob(buffer.chunks as BlobPart[]).arrayBuffer())).toEqual(expected);
    expect(source!.endOfStreamCalls).toBe(1);
    expect(play).toHaveBeenCalledTimes(1);
    // The element holds the MediaSource itself; its URL was revoked as soon as it opened.
    expect(revoke).toHaveBeenCalledWith(audio.src);
  });

  it("makes room in a full SourceBuffer by removing what was already played", async () => {
    installSandbox();
    // ~26 kB of mp3 in chunks of up to ~6 kB, into a buffer that holds 8 kB.
    FakeMediaSource.quota = 8192;
    const { result, audio } = renderPlayer();
    audio.currentTime = 60;
    await act(() =>
      result.current.speak({
        ...speech("mp3"),
        text: "Streaming speech that is a good deal longer than that.",
      }),
    );
    const [source] = FakeMediaSource.instances;
    const buffer = source!.buffers[0]!;
    expect(result.current.error).toBeUndefined();
    expect(buffer.removals).toBeGreaterThan(0);
    expect(buffer.byteLength).toBeGreaterThan(20_000);
    expect(source!.endOfStreamCalls).toBe(1);
  });

  it("reports a chunk that can never fit instead of retrying it forever", async () => {
    installSandbox();
    // Smaller than the very first chunk (the sandbox's MP3 opens with an ID3 tag carrying the text).
    FakeMediaSource.quota = 10;
    const { result } = renderPlayer();
    await act(() => result.current.speak(speech("mp3")));
    expect(result.current.status).toBe("error");
    expect((result.current.error as DOMException).name).toBe("QuotaExceededError");
  });

  it("plays after the first chunk, before the stream has ended", async () => {
    installSandbox({ faults: stallAfterFirstBytes });
    const { result } = renderPlayer();
    act(() => void result.current.speak(speech("mp3")));
    await waitFor(() => expect(play).toHaveBeenCalledTimes(1));
    const [source] = FakeMediaSource.instances;
    expect(source!.buffers[0]!.byteLength).toBeLessThanOrEqual(512);
    expect(source!.readyState).toBe("open");
    await waitFor(() => expect(result.current.timeToFirstAudioMs).toBeGreaterThanOrEqual(0));
    expect(result.current.timeToCompleteMs).toBeUndefined();
  });

  it("stop() mid-stream aborts the request, closes the source and detaches the element", async () => {
    installSandbox({ faults: stallAfterFirstBytes });
    const requests = spyRequests();
    const { result, audio } = renderPlayer();
    act(() => void result.current.speak(speech("mp3")));
    await waitFor(() => expect(play).toHaveBeenCalled());
    act(() => result.current.stop());
    expect(requests[0]!.aborted).toBe(true);
    expect(FakeMediaSource.instances[0]!.readyState).toBe("ended");
    expect(audio.hasAttribute("src")).toBe(false);
    expect(result.current.status).toBe("idle");
  });

  it("falls back to a Blob for a format MediaSource does not take", async () => {
    installSandbox();
    const { result } = renderPlayer();
    await act(() => result.current.speak(speech("wav")));
    expect(result.current.mode).toBe("blob");
    expect(FakeMediaSource.instances).toHaveLength(0);
  });

  it('mode "blob" never uses MediaSource', async () => {
    installSandbox();
    const { result } = renderPlayer({ mode: "blob" });
    await act(() => result.current.speak(speech("mp3")));
    expect(result.current.mode).toBe("blob");
    expect(FakeMediaSource.instances).toHaveLength(0);
  });
});
