// useAudioElement: the <audio> element a playback hook plays into: the one attached through its audioRef, else
// one of the hook's own, made on first use and dropped on unmount.
import { useCallback, useEffect, useRef } from "react";

export interface AudioElementRef {
  /** The hook's `audioRef`: attach an `<audio>` element to play there. */
  audioRef: (element: HTMLAudioElement | null) => void;
  /**
   * The element to play into now. Call it in the call a click started (`start`, `speak`): a detached element
   * made there may start playing, browsers allow audio from a user gesture.
   */
  audioElement: () => HTMLAudioElement;
}

/** Both functions keep their identity for the hook's life. */
export function useAudioElement(): AudioElementRef {
  const attached = useRef<HTMLAudioElement | null>(null);
  const own = useRef<HTMLAudioElement | null>(null);

  const audioRef = useCallback((element: HTMLAudioElement | null) => {
    attached.current = element;
  }, []);

  const audioElement = useCallback(() => {
    if (attached.current) return attached.current;
    own.current ??= new Audio();
    return own.current;
  }, []);

  useEffect(
    () => () => {
      own.current = null;
    },
    [],
  );

  return { audioRef, audioElement };
}
