// Speech playback while the stream arrives: chunks appended to a SourceBuffer, played ones evicted when full.
import { detach, type Playback, type PlaybackInput } from "./playback.js";

/** Resolves on the first `type` event of `target`, rejects when `stop` fires first; removes its listeners. */
function nextEvent(target: EventTarget, type: string, stop: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stop.aborted) return reject(stop.reason);
    const listeners = new AbortController();
    // Whichever event comes first settles the promise and removes all three listeners.
    const on = (source: EventTarget, event: string, settle: () => void) => {
      const listener = () => {
        listeners.abort();
        settle();
      };
      source.addEventListener(event, listener, { signal: listeners.signal });
    };
    on(target, type, resolve);
    on(target, "error", () => reject(new Error(`MediaSource failed while waiting for "${type}"`)));
    on(stop, "abort", () => reject(stop.reason));
  });
}

/** Audio kept behind the playhead when the buffer is full (seconds), so a small seek back still works. */
const KEEP_BEHIND_S = 10;

/**
 * Appends one chunk. A SourceBuffer has a quota (about 12 MB of audio in Chromium): long speech fills it, so
 * when it is full, the audio already played is removed, or, if there is none yet, we wait for the element to
 * play on. Without this a long stream would fail with QuotaExceededError.
 */
async function append(
  buffer: SourceBuffer,
  audio: HTMLAudioElement,
  chunk: Uint8Array<ArrayBuffer>,
  stop: AbortSignal,
): Promise<void> {
  for (;;) {
    try {
      buffer.appendBuffer(chunk);
      return await nextEvent(buffer, "updateend", stop);
    } catch (error) {
      if ((error as { name?: unknown } | null)?.name !== "QuotaExceededError") throw error;
      // Full with nothing in it: this chunk can never fit, and retrying would spin.
      if (buffer.buffered.length === 0) throw error;
    }
    const start = buffer.buffered.start(0);
    const played = audio.currentTime - KEEP_BEHIND_S;
    if (played > start) {
      buffer.remove(start, played);
      await nextEvent(buffer, "updateend", stop);
    } else {
      await nextEvent(audio, "timeupdate", stop);
    }
  }
}

/**
 * Plays the stream while it arrives: each chunk is appended to a SourceBuffer and playback starts after the
 * first one, so the time to first sound is the time to the first chunk, not to the whole file.
 */
export function playWithMediaSource(input: PlaybackInput & { mimeType: string }): Playback {
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
      await append(buffer, audio, value as Uint8Array<ArrayBuffer>, stop.signal);
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
