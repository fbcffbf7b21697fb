// The live hooks' state folds: interim results replace each other and finals become segments; a
// translation's deltas grow its turn until its text is done.
import type { LiveTranscriptionEvent, RealtimeTranslationEvent } from "@camb-kit/realtime";
import { describe, expect, it } from "vitest";
import { emptyTranscript, foldTranscript, transcriptText } from "../src/live/transcript.js";
import { foldTurns } from "../src/live/translation-turns.js";

const result = (transcript: string, is_final: boolean, start = 0): LiveTranscriptionEvent => ({
  type: "Results",
  is_final,
  start,
  duration: 1,
  channel: { alternatives: [{ transcript, confidence: 0.9, words: [] }] },
});

describe("foldTranscript", () => {
  it("keeps the latest interim, turns a final into a segment and clears the interim", () => {
    const events = [
      { type: "Ready" } as LiveTranscriptionEvent,
      result("Hello", false),
      result("Hello there", false),
      result("Hello there.", true),
      result("And", false, 1),
    ];
    const transcript = events.reduce(foldTranscript, emptyTranscript);
    expect(transcript.interim).toBe("And");
    expect(transcript.segments.map((segment) => segment.transcript)).toEqual(["Hello there."]);
    const final: LiveTranscriptionEvent = { ...result("And more.", true, 1), type: "Final" } as never;
    const done = foldTranscript(transcript, final);
    expect(done.interim).toBe("");
    expect(transcriptText(done)).toBe("Hello there. And more.");
  });

  it("an empty final (nothing pending) adds no segment", () => {
    const final = { ...result("", true), type: "Final" } as never;
    expect(foldTranscript(emptyTranscript, final)).toEqual(emptyTranscript);
  });
});

describe("foldTurns", () => {
  it("opens a turn per utterance heard and grows its translation delta by delta", () => {
    const events: RealtimeTranslationEvent[] = [
      { type: "conversation.item.input_audio_transcription.completed", transcript: "Good morning." },
      { type: "response.text.delta", delta: "Guten " },
      { type: "response.text.delta", delta: "Morgen" },
    ];
    const turns = events.reduce(foldTurns, []);
    expect(turns).toEqual([{ heard: "Good morning.", translation: "Guten Morgen", done: false }]);
    const done = foldTurns(turns, { type: "response.text.done", text: "Guten Morgen." });
    expect(done).toEqual([{ heard: "Good morning.", translation: "Guten Morgen.", done: true }]);
    const next = foldTurns(done, { type: "response.text.delta", delta: "Wie" });
    expect(next).toEqual([done[0], { heard: "", translation: "Wie", done: false }]);
  });
});
