// A segment's text and speaker as cue text: lines kept, blank lines dropped, WebVTT's markup escaped.

/** The text's lines, trimmed, without empty ones: in SRT and WebVTT a blank line ends the cue. */
export function textLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** WebVTT cue text is markup: `&`, `<` and `>` are escaped, so "-->" (which the format forbids) cannot occur. */
export function vttEscape(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/**
 * SRT has no escapes, and readers find cues by their "-->" line: a text line holding one would be read as a
 * new cue's timing. An arrow in the text loses its last dash ("->"), the least change that reads the same.
 */
export function srtSafe(line: string): string {
  return line.replaceAll("-->", "->");
}
