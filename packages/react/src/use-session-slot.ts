// useSessionSlot: the one session a playback or capture hook runs at a time, aborted and freed when the hook
// starts another, stops or unmounts.
import { useEffect, useState } from "react";

/** What the slot needs of a session: the controller whose signal the hook handed to the request or socket. */
export interface AbortableSession {
  controller: AbortController;
}

export interface SessionSlot<S extends AbortableSession> {
  /** The session running now; null before the first start and once it was released. */
  readonly current: S | null;
  /** Makes `session` the current one, releasing the one before (if the hook has not already). */
  hold: (session: S) => void;
  /**
   * Empties the slot, then aborts the session it held with an AbortError ("<name> stopped") and frees what it
   * holds. Emptied first, so that whatever the abort sets off sees a replaced session and changes no state.
   */
  release: () => void;
}

function createSessionSlot<S extends AbortableSession>(
  name: string,
  free: (session: S) => void,
): SessionSlot<S> {
  let held: S | null = null;
  const release = () => {
    const ending = held;
    held = null;
    if (!ending) return;
    ending.controller.abort(new DOMException(`${name} stopped`, "AbortError"));
    free(ending);
  };
  return {
    get current() {
      return held;
    },
    hold: (session) => {
      release();
      held = session;
    },
    release,
  };
}

/**
 * A slot for the hook's session, released on unmount. `name` says what stopped in the abort's reason; `free`
 * (read once, on the first render) lets go of what a session holds besides its signal: a player, a microphone.
 * The slot and its functions keep their identity for the hook's life, so callbacks may depend on them.
 */
export function useSessionSlot<S extends AbortableSession>(
  name: string,
  free: (session: S) => void = () => {},
): SessionSlot<S> {
  const [slot] = useState(() => createSessionSlot(name, free));
  useEffect(() => slot.release, [slot]);
  return slot;
}
