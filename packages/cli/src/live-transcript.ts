// How `camb listen` shows a live transcript: final results as lines on stdout; interim ones rewritten in
// place in a terminal (and left out of pipes and files); with --json every event as one JSON line.
import type { ServerMessage } from "@camb-kit/client/spec";
import pc from "picocolors";

type TranscriptionMessage = ServerMessage<"liveTranscription">;
/** The messages that carry a transcript: interim and final `Results`, and the closing `Final`. */
export type TranscriptMessage = Extract<TranscriptionMessage, { channel: unknown }>;

export interface TranscriptPrinter {
  /** Shows one event; `receivedMs` is when it arrived, counted from the first audio sent. */
  show(event: TranscriptionMessage, receivedMs: number): void;
  /** The final transcripts so far, in order. */
  readonly finals: readonly string[];
  /** Ends an interim line still on screen. */
  end(): void;
}

export function transcriptOf(event: TranscriptMessage): string {
  return event.channel.alternatives[0]?.transcript ?? "";
}

export function isTranscript(event: TranscriptionMessage): event is TranscriptMessage {
  return "channel" in event;
}

/** A printer for `stream` (stdout): `json` for JSON lines, else text that suits a terminal or a pipe. */
export function transcriptPrinter(
  json: boolean,
  stream: NodeJS.WriteStream = process.stdout,
): TranscriptPrinter {
  const finals: string[] = [];
  let interimShown = false;
  const clearInterim = () => {
    if (interimShown) stream.write("\r\x1b[K");
    interimShown = false;
  };
  return {
    finals,
    show(event, receivedMs) {
      if (json) stream.write(`${JSON.stringify({ ...event, receivedMs: Math.round(receivedMs) })}\n`);
      if (!isTranscript(event)) return;
      const text = transcriptOf(event);
      const final = event.type === "Final" || event.is_final === true;
      if (final && text) finals.push(text);
      if (json) return;
      if (final) {
        clearInterim();
        if (text) stream.write(`${text}\n`);
      } else if (stream.isTTY) {
        stream.write(`\r\x1b[K${pc.dim(text)}`);
        interimShown = true;
      }
    },
    end: clearInterim,
  };
}
