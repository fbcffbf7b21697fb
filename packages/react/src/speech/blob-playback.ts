// Speech playback for formats MediaSource cannot take: collect the stream, then play it from an object URL.
import { detach, type Playback, type PlaybackInput } from "./playback.js";

/**
 * The fallback for formats MediaSource cannot take (wav, flac, raw PCM in Chromium): collect the stream,
 * then play it from an object URL. The URL is revoked on release.
 */
export function playAsBlob({ audio, stream, mimeType, onFirstAudio, onReady }: PlaybackInput): Playback {
  const reader = stream.getReader();
  let url: string | undefined;
  let released = false;

  const done = (async () => {
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    for (;;) {
      const { value, done: finished } = await reader.read();
      if (finished || released) break;
      if (value.byteLength === 0) continue;
      if (chunks.length === 0) onFirstAudio();
      chunks.push(value as Uint8Array<ArrayBuffer>);
    }
    if (released) return;
    url = URL.createObjectURL(new Blob(chunks, { type: mimeType }));
    audio.src = url;
    onReady();
  })();

  return {
    mode: "blob",
    done,
    release() {
      if (released) return;
      released = true;
      reader.cancel().catch(() => {});
      if (url !== undefined) {
        detach(audio);
        URL.revokeObjectURL(url);
      }
    },
  };
}
