// The transcript of a live transcription session as React state: final segments in order, and the interim
// text of the utterance still being heard, folded from the session's Results and Final events.
import type { components } from "@camb-kit/client/spec";
import type { LiveTranscriptionEvent } from "@camb-kit/realtime";

/** One finished utterance: its text, its words with their times, and where it sits in the session's audio. */
export interface LiveTranscriptSegment {
  transcript: string;
  /** Seconds of session audio. */
  start: number;
  duration: number;
  confidence: number;
  words: components["schemas"]["LiveTranscriptionWord"][];
}

export interface Transcript {
  /** Finished utterances, in order. */
  segments: LiveTranscriptSegment[];
  /** What is heard of the current utterance so far ("" between utterances); replaced by each interim result. */
  interim: string;
}

export const emptyTranscript: Transcript = { segments: [], interim: "" };

/** The transcript after `event`: an interim result replaces `interim`, a final one becomes a segment. */
export function foldTranscript(transcript: Transcript, event: LiveTranscriptionEvent): Transcript {
  if (event.type !== "Results" && event.type !== "Final") return transcript;
  const best = event.channel.alternatives[0];
  const text = best?.transcript.trim() ?? "";
  if (event.type === "Results" && !event.is_final) return { ...transcript, interim: text };
  if (!best || text === "") return { ...transcript, interim: "" };
  const segment = {
    transcript: text,
    start: event.start,
    duration: event.duration,
    confidence: best.confidence,
    words: best.words,
  };
  return { segments: [...transcript.segments, segment], interim: "" };
}

/** The finished text: the segments' transcripts joined by spaces. */
export function transcriptText(transcript: Transcript): string {
  return transcript.segments.map((segment) => segment.transcript).join(" ");
}
