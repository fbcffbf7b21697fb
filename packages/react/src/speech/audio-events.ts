export type PlayerEvent = "playing" | "waiting" | "pause" | "ended" | "error";

const EVENTS: PlayerEvent[] = ["playing", "waiting", "pause", "ended", "error"];

/** Forwards the element's playback events to `onEvent`; returns the function that removes the listeners. */
export function listenToPlayer(audio: HTMLAudioElement, onEvent: (event: PlayerEvent) => void): () => void {
  const handlers = EVENTS.map((type) => {
    const handler = () => onEvent(type);
    audio.addEventListener(type, handler);
    return [type, handler] as const;
  });
  return () => {
    for (const [type, handler] of handlers) audio.removeEventListener(type, handler);
  };
}
