// Real subtitle parsers for the transcript tests: media-captions (SRT and WebVTT, strict) and the W3C's
// webvtt-parser (the validator's parser, with the full entity table), read into one cue shape.
import { createRequire } from "node:module";
import { parseText, tokenizeVTTCue, type VTTNode } from "media-captions";
import { type WebVTTNode, WebVTTParser } from "webvtt-parser";

export interface ParsedCue {
  start: number;
  end: number;
  /** The cue's text as a player shows it: markup removed, character references decoded. */
  text: string;
  /** The voice span's name, when the cue has one. */
  voice: string | undefined;
}

const entities: Record<string, string> = createRequire(import.meta.url)("webvtt-parser/html-entities.json");

function mediaCaptionsText(nodes: readonly VTTNode[]): { text: string; voice: string | undefined } {
  let text = "";
  let voice: string | undefined;
  for (const node of nodes) {
    if (node.type === "text") text += node.data;
    else {
      if (node.type === "v") voice = node.voice;
      text += mediaCaptionsText(node.children).text;
    }
  }
  return { text, voice };
}

/** An SRT file through media-captions in strict mode (a parse error throws). */
export async function parseSrt(file: string): Promise<ParsedCue[]> {
  const { cues } = await parseText(file, { type: "srt", strict: true });
  return cues.map((cue) => ({ start: cue.startTime, end: cue.endTime, text: cue.text, voice: undefined }));
}

/** A WebVTT file through media-captions in strict mode (a parse error throws), its cue text tokenized. */
export async function parseVttWithMediaCaptions(file: string): Promise<ParsedCue[]> {
  const { cues } = await parseText(file, { type: "vtt", strict: true });
  return cues.map((cue) => ({
    start: cue.startTime,
    end: cue.endTime,
    ...mediaCaptionsText(tokenizeVTTCue(cue)),
  }));
}

function w3cText(nodes: readonly WebVTTNode[]): { text: string; voice: string | undefined } {
  let text = "";
  let voice: string | undefined;
  for (const node of nodes) {
    if (node.type === "text") text += node.value ?? "";
    else if (node.type === "object") {
      if (node.name === "v") voice = node.value;
      text += w3cText(node.children ?? []).text;
    }
  }
  return { text, voice };
}

/** A WebVTT file through the W3C's parser; its validation errors (which media-captions lets by) are returned too. */
export function parseVttWithW3c(file: string): { cues: ParsedCue[]; errors: string[] } {
  const { cues, errors } = new WebVTTParser(entities).parse(file, "metadata");
  return {
    cues: cues.map((cue) => ({ start: cue.startTime, end: cue.endTime, ...w3cText(cue.tree.children) })),
    errors: errors.map((error) => `line ${error.line}: ${error.message}`),
  };
}
