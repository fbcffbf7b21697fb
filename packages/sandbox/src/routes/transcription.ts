// Transcription: segments within the uploaded media's length that give back the words the sandbox's own
// speech carries (so `tts` then `transcribe` round-trips), or placeholder sentences for foreign media.
import type { Json } from "../openapi/json.js";
import type { RunRecord } from "../state/tasks.js";
import { field, type RouteContext } from "./context.js";
import { runMedia, segmentsOf, sourceText, transcriptExport, wantsExport } from "./run-media.js";

/** `GET /transcription-result/{run_id}`: `{ transcript: [segments] }`, or the export the query asks for. */
export async function transcriptionResult(context: RouteContext, run: RunRecord): Promise<Json> {
  const media = await runMedia(context, run);
  const segments = segmentsOf(sourceText(media), media.seconds, field(run.input, "formatting_options"));
  if (wantsExport(context)) return transcriptExport(context, segments, `transcript_${run.id}`);
  return { transcript: segments } as Json;
}
