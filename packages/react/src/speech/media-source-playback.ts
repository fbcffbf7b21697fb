import { detach, type Playback, type PlaybackInput } from "./playback.js";

/** Resolves on the first `type` event of `target`, rejects when `stop` fires first; removes both listeners. */
function nextEvent(target: EventTarget, type: string, stop: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      target.removeEventListener(type, onEvent);
      target.removeEventListener("error", onError);
      stop.removeEventListener("abort", onStop);
    };
    const onEvent = () => {
      cleanup();
      resolve();
    };
    const onError = () => {
      cleanup();
      reject(new Error(`MediaSource failed while waiting for "${type}"`));
    };
    const onStop = () => {
      cleanup();
      reject(stop.reason);
    };
    if (stop.aborted) return onStop();
    target.addEventListener(type, onEvent);
    target.addEventListener("error", onError);
    stop.addEventListener("abort", onStop);
  });
}

/**
 * Plays the stream while it arrives: each chunk is appended to a SourceBuffer and playback starts after the
 * first one, so the time to first sound is the time to the first chunk, not to the whole file.
 */
export function playWithMediaSource(input: PlaybackInput): Playback {
  const { audio, stream, mimeType, onFirstAudio, onReady } = input;
  const mediaSource = new MediaSource();
  const stop = new AbortController();
  const reader = stream.getReader();
  let url: string | undefined = URL.createObjectURL(mediaSource);
  const revoke = () => {
    if (url !== undefined) URL.revokeObjectURL(url);
    url = undefined;
  };
  audio.src = url;

  const done = (async () => {
    await nextEvent(mediaSource, "sourceopen", stop.signal);
    // The element holds the MediaSource now; the URL is no longer needed.
    revoke();
    const buffer = mediaSource.addSourceBuffer(mimeType);
    let first = true;
    for (;;) {
      const { value, done: finished } = await reader.read();
      if (finished) break;
      if (value.byteLength === 0) continue;
      if (first) onFirstAudio();
      buffer.appendBuffer(value as Uint8Array<ArrayBuffer>);
      await nextEvent(buffer, "updateend", stop.signal);
      if (first) onReady();
      first = false;
    }
    if (mediaSource.readyState === "open") mediaSource.endOfStream();
  })();

  return {
    mode: "media-source",
    done,
    release() {
      if (stop.signal.aborted) return;
      stop.abort(new DOMException("Playback released", "AbortError"));
      reader.cancel().catch(() => {});
      if (mediaSource.readyState === "open") {
        try {
          mediaSource.endOfStream();
        } catch {
          // A SourceBuffer still updating refuses endOfStream; detaching below closes the source anyway.
        }
      }
      detach(audio);
      revoke();
    },
  };
}
