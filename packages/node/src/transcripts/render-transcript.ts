// renderTranscript: the API's transcript segments as an SRT, WebVTT or plain-text file.
import type { Schemas } from "@camb-kit/client/spec";
import { srtSafe, textLines, vttEscape } from "./cue-text.js";
import { cueSpan, timestamp } from "./cue-times.js";

/** One segment of a transcript as the API answers it: times in seconds, its text and its speaker. */
export type TranscriptSegment = Schemas["TranscriptSegment"];
/** A transcript file format the spec names (`format_type`): `srt`, `vtt` or `txt`. */
export type TranscriptFormat = Schemas["TranscriptFileFormat"];

export interface RenderTranscriptOptions {
  /**
   * Name each segment's speaker: `Name: ` before SRT and plain text, a WebVTT voice span (`<v Name>`).
   * Default: when the segments name more than one speaker (a lone speaker says nothing).
   */
  speakers?: boolean;
}

interface Cue {
  start: number;
  end: number;
  lines: string[];
  speaker: string;
}

type Renderer = (cues: readonly Cue[], speakers: boolean) => string;

const label = (cue: Cue, speakers: boolean) => (speakers && cue.speaker ? `${cue.speaker}: ` : "");

/** Each renderer ends its file with a newline. Keyed by the spec's enum: a new format is a type error here. */
const RENDERERS: Record<TranscriptFormat, Renderer> = {
  srt: (cues, speakers) =>
    cues
      .map((cue, i) => {
        const times = `${timestamp(cue.start, ",")} --> ${timestamp(cue.end, ",")}`;
        const [first, ...rest] = cue.lines.map(srtSafe);
        return `${i + 1}\n${times}\n${[label(cue, speakers) + first, ...rest].join("\n")}\n`;
      })
      .join("\n"),
  vtt: (cues, speakers) => {
    const blocks = cues.map((cue) => {
      const times = `${timestamp(cue.start, ".")} --> ${timestamp(cue.end, ".")}`;
      // A voice span covers the cue's every line when it is left open (WebVTT cue text parsing rules).
      const voice = speakers && cue.speaker ? `<v ${vttEscape(cue.speaker)}>` : "";
      return `${times}\n${voice}${cue.lines.map(vttEscape).join("\n")}\n`;
    });
    return ["WEBVTT\n", ...blocks].join("\n");
  },
  txt: (cues, speakers) => cues.map((cue) => `${label(cue, speakers)}${cue.lines.join(" ")}\n`).join(""),
};

/**
 * A transcript file of `segments` in `format`: SRT (numbered cues, `hh:mm:ss,mmm`), WebVTT (`WEBVTT`,
 * `hh:mm:ss.mmm`, markup escaped) or plain text (a segment a line). Times are rounded to the millisecond;
 * line breaks inside a segment's text are kept in SRT and WebVTT (a cue of several lines) and become spaces
 * in plain text; blank lines, which would end a cue early, are dropped, and a segment with no text is left
 * out. Cues are in order of their start (segments that start together keep theirs). A time that is negative, not finite, or an end before its start is a RangeError.
 */
export function renderTranscript(
  segments: readonly TranscriptSegment[],
  format: TranscriptFormat,
  options: RenderTranscriptOptions = {},
): string {
  const render = Object.hasOwn(RENDERERS, format) ? RENDERERS[format] : undefined;
  if (!render) throw new RangeError(`unknown transcript format: ${String(format)}`);
  const cues: Cue[] = [];
  segments.forEach((segment, index) => {
    const span = cueSpan(segment.start, segment.end, index);
    const lines = textLines(segment.text);
    // One line, whatever the API sent: a name is a label, and a line break in it would split the cue.
    const speaker = typeof segment.speaker === "string" ? segment.speaker.replace(/\s+/g, " ").trim() : "";
    if (lines.length > 0) cues.push({ ...span, lines, speaker });
  });
  // Stable: segments that start together keep their order. WebVTT requires start times in order.
  cues.sort((a, b) => a.start - b.start);
  const speakers = options.speakers ?? new Set(cues.map((cue) => cue.speaker)).size > 1;
  return render(cues, speakers);
}
