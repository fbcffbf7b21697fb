// Types for webvtt-parser (w3c/webvtt.js), which ships none: the parts the transcript tests read.
declare module "webvtt-parser" {
  export interface WebVTTNode {
    type: "object" | "text" | "timestamp";
    name?: string;
    value?: string;
    children?: WebVTTNode[];
  }
  export interface WebVTTCue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
    tree: { children: WebVTTNode[] };
  }
  export interface WebVTTParseError {
    message: string;
    line: number;
    col: number | undefined;
  }
  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    parse(input: string, mode?: "metadata" | "chapters"): { cues: WebVTTCue[]; errors: WebVTTParseError[] };
  }
}
