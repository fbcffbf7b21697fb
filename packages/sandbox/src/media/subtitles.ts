// Transcript segments rendered as the API's transcript files: SRT, WebVTT or plain text.
import type { Schemas } from "@camb-kit/client/spec";
import type { TranscriptSegment } from "./transcript.js";

export type TranscriptFileFormat = Schemas["TranscriptFileFormat"];

/** `HH:MM:SS<separator>mmm` from seconds, rounded to the millisecond (hours grow past 99 if they must). */
function timestamp(seconds: number, separator: "," | "."): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const secs = Math.floor(ms / 1000) % 60;
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(secs, 2)}${separator}${pad(ms % 1000, 3)}`;
}

/** One line of cue text: a line break inside a segment would end the cue early in both formats. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, " ");

/** WebVTT cue text is markup: `&`, `<` and `>` are escaped (and "-->" then cannot occur). */
const vttEscape = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/**
 * A transcript file: SRT (1-based cue numbers, `HH:MM:SS,mmm --> HH:MM:SS,mmm`), WebVTT (the `WEBVTT`
 * header, `.` before the milliseconds) or plain text (one segment a line). Files end with a newline.
 */
export function renderTranscript(
  segments: readonly TranscriptSegment[],
  format: TranscriptFileFormat,
): string {
  if (format === "txt") return segments.map((s) => `${oneLine(s.text)}\n`).join("");
  const separator = format === "srt" ? "," : ".";
  const cues = segments.map((s, i) => {
    const times = `${timestamp(s.start, separator)} --> ${timestamp(s.end, separator)}`;
    return format === "srt"
      ? `${i + 1}\n${times}\n${oneLine(s.text)}\n`
      : `${times}\n${vttEscape(oneLine(s.text))}\n`;
  });
  return format === "srt" ? cues.join("\n") : `WEBVTT\n\n${cues.join("\n")}`;
}
