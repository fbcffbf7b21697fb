// Forwards an <audio> element's playback events (playing, waiting, pause, ended, error) to the speech hook.
export type PlayerEvent = "playing" | "waiting" | "pause" | "ended" | "error";

const EVENTS: PlayerEvent[] = ["playing", "waiting", "pause", "ended", "error"];

/** Forwards the element's playback events to `onEvent`; returns the function that removes the listeners. */
export function listenToPlayer(audio: HTMLAudioElement, onEvent: (event: PlayerEvent) => void): () => void {
  const listeners = new AbortController();
  for (const type of EVENTS) audio.addEventListener(type, () => onEvent(type), { signal: listeners.signal });
  return () => listeners.abort();
}
