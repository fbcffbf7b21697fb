// `camb voice`: a voice design task, waited for, with every preview clip saved.
import { join } from "node:path";
import { getResultJson, unwrap } from "@camb-kit/client";
import { extensionOf, limits } from "@camb-kit/client/spec";
import { saveAudio } from "@camb-kit/node";
import { createAndWait } from "@camb-kit/polling";
import type { Context } from "../context.js";
import { describeFile, printResult } from "../output.js";

/** The spec's shortest voice description, in characters. */
export const MIN_DESCRIPTION = limits.CreateVoiceDesignTaskRequest.voice_description.minLength;

export interface VoiceOptions {
  text: string;
  output: string;
}

/** `camb voice "description"`: designs voices and saves each preview clip. */
export async function voice(context: Context, description: string, options: VoiceOptions): Promise<void> {
  context.reporter.step("creating a voice design task");
  const { taskId, runId } = await createAndWait(
    context.client,
    "text-to-voice",
    { text: options.text, voice_description: description },
    {
      ...context.poll,
      signal: context.signal,
      onStatus: (status, info) => context.reporter.status("text-to-voice", status.status, info.elapsedMs),
    },
  );
  const { previews } = unwrap(
    await getResultJson(context.client, "text-to-voice", runId, { signal: context.signal }),
  );
  const saved = [];
  for (const [index, url] of previews.entries()) {
    // Pre-signed URLs: a plain fetch, never the client, so the API key stays with the API.
    const response = await fetch(url, { signal: context.signal });
    if (!response.ok) throw new Error(`preview ${index + 1} download failed: HTTP ${response.status}`);
    const extension = extensionOf(response.headers.get("content-type")) ?? "bin";
    const path = join(options.output, `voice-${runId}-preview-${index + 1}.${extension}`);
    saved.push(await saveAudio(response, path, { signal: context.signal, mkdir: true }));
  }
  const described = await Promise.all(saved.map((file) => describeFile(file.path)));
  printResult(
    context,
    { taskId, runId, previews: described.map((file) => file.info) },
    described.map((file) => file.line),
  );
}
