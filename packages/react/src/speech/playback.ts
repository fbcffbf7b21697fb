// What the two speech players share: the Playback contract, detaching the element, MediaSource support.
/** One stream being played into an `<audio>` element. */
export interface Playback {
  /** "media-source" plays while the stream arrives; "blob" plays once the whole stream has arrived. */
  readonly mode: "media-source" | "blob";
  /** Settles when the whole stream has been handed to the element (rejects on a read or decode failure). */
  readonly done: Promise<void>;
  /** Stops reading, detaches the element and revokes every URL. Safe to call more than once. */
  release(): void;
}

export interface PlaybackInput {
  audio: HTMLAudioElement;
  stream: ReadableStream<Uint8Array>;
  /** The response's Content-Type; undefined when it sent none. */
  mimeType: string | undefined;
  /** Called once, when the first audio bytes arrive. */
  onFirstAudio: () => void;
  /** Called once the element has something to play: the hook calls `audio.play()` there. */
  onReady: () => void;
}

/** Empties the element so it lets go of the media (and of a MediaSource). */
export function detach(audio: HTMLAudioElement): void {
  audio.pause();
  audio.removeAttribute("src");
  audio.load();
}

/** True when this browser can play `mimeType` through MediaSource (Chromium: audio/mpeg, audio/mp4, webm). */
export function canUseMediaSource(mimeType: string | undefined): mimeType is string {
  return (
    mimeType !== undefined &&
    typeof MediaSource !== "undefined" &&
    typeof MediaSource.isTypeSupported === "function" &&
    MediaSource.isTypeSupported(mimeType)
  );
}
