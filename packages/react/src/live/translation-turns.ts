// The turns of a realtime translation session as React state: what was heard, and its translation as it is
// written, folded from the session's transcript and text events.
import type { RealtimeTranslationEvent } from "@camb-kit/realtime";

/** One utterance: the speaker's words as the server heard them, and their translation. */
export interface TranslationTurn {
  heard: string;
  /** Grows with each text delta; the whole text once `done`. */
  translation: string;
  /** The translation's text is complete (`response.text.done`). */
  done: boolean;
}

/** The turns after `event`. A translation that starts before its transcript gets a turn of its own. */
export function foldTurns(turns: TranslationTurn[], event: RealtimeTranslationEvent): TranslationTurn[] {
  const last = turns[turns.length - 1];
  const open = last && !last.done ? last : undefined;
  const withLast = (turn: TranslationTurn) => [...turns.slice(0, open ? -1 : turns.length), turn];
  switch (event.type) {
    case "conversation.item.input_audio_transcription.completed":
      return [...turns, { heard: event.transcript, translation: "", done: false }];
    case "response.text.delta":
      return withLast({
        ...(open ?? { heard: "", translation: "", done: false }),
        translation: (open?.translation ?? "") + event.delta,
      });
    case "response.text.done":
      return withLast({ ...(open ?? { heard: "" }), translation: event.text, done: true });
    default:
      return turns;
  }
}
