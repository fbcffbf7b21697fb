// The pieces every family's result is made of: the run's source media (worked out once per run), files put
// in storage under a name with their media type's extension, and transcripts as segments or exports.
import { extensionOf, mediaTypes, type Schemas } from "@camb-kit/client/spec";
import type { RenderedAudio } from "../audio/render.js";
import { renderTranscript } from "../media/subtitles.js";
import { textMedia } from "../media/text-media.js";
import { placeholderText, transcriptSegments } from "../media/transcript.js";
import type { Json } from "../openapi/json.js";
import { type SourceMedia, sourceMediaOfUrl } from "../state/source-media.js";
import type { RunRecord } from "../state/tasks.js";
import { field, type RouteContext } from "./context.js";

type Segment = Schemas["TranscriptSegment"];
type TranscriptFormat = Schemas["TranscriptFileFormat"];

/** The run's source media; a URL input (`media_url`, `video_url`) is looked at once and remembered. */
export async function runMedia(context: RouteContext, run: RunRecord): Promise<SourceMedia> {
  if (run.media) return run.media;
  // `audio_url` is transcription's deprecated alias of `media_url` (the create accepts either).
  const url = field(run.input, "media_url") ?? field(run.input, "audio_url") ?? field(run.input, "video_url");
  const { origin } = context.options;
  run.media = await sourceMediaOfUrl(
    typeof url === "string" ? url : `run:${run.id}`,
    origin,
    context.state.storage,
  );
  return run.media;
}

/** The words of the source: what the sandbox's own speech carried, else placeholder sentences. */
export function sourceText(media: SourceMedia): string {
  return media.text ?? placeholderText(media.seconds);
}

/** Stores a file and answers its pre-signed URL; the file name ends in its media type's extension. */
export function publish(context: RouteContext, media: RenderedAudio, name: string): string {
  return context.state.storage.publish(media, `${name}.${extensionOf(media.contentType) ?? "bin"}`);
}

/** The media type the spec gives a transcript format's files (`srt` -> application/x-subrip). */
function transcriptMediaType(format: TranscriptFormat): string {
  const found = Object.entries(mediaTypes).find(([, entry]) => entry.extension === format);
  return found?.[0] ?? "text/plain";
}

/** Segments of `text` over the media's length, cut by the request's formatting options. */
export function segmentsOf(text: string, seconds: number, options?: Json): Segment[] {
  const formatting = options && typeof options === "object" && !Array.isArray(options) ? options : {};
  return transcriptSegments(text, seconds, formatting as Schemas["SubtitleFormattingOptions"]);
}

/** Whether the query asks for a rendered transcript (`format_type` or `data_type`) instead of segments. */
export function wantsExport(context: RouteContext): boolean {
  const { format_type: format, data_type: dataType } = context.input.query;
  return format !== undefined || dataType !== undefined;
}

/**
 * A transcript as the export query asks for it: `{ transcript: "<text>" }` in `format_type` (default txt),
 * or `{ file_url }` to a file of it for `data_type=file`.
 */
export function transcriptExport(
  context: RouteContext,
  segments: readonly Segment[],
  name: string,
): { transcript: string } | { file_url: string } {
  const { format_type: format, data_type: dataType } = context.input.query;
  const chosen = (typeof format === "string" ? format : "txt") as TranscriptFormat;
  const text = renderTranscript(segments, chosen);
  if (dataType !== "file") return { transcript: text };
  return { file_url: publish(context, textMedia(text, transcriptMediaType(chosen)), name) };
}
