// `camb sound`: a text-to-sound task, waited for and saved.
import { openResultAudio } from "@camb-kit/client";
import { limits } from "@camb-kit/client/spec";
import { saveResult } from "@camb-kit/node";
import { createAndWait } from "@camb-kit/polling";
import type { Context } from "../context.js";
import { InputError } from "../exit-codes.js";
import { describeFile, printResult } from "../output.js";
import { outputTarget, writeToStdout } from "../output-target.js";

export interface SoundOptions {
  duration?: string;
  music?: boolean;
  output?: string;
}

/** The spec's bounds of `duration`, e.g. "in (0, 10]". */
const { exclusiveMinimum, maximum } = limits.CreateSoundTaskRequest.duration;
export const DURATION_RANGE = `in (${exclusiveMinimum}, ${maximum}]`;

/** `camb sound "prompt"`: creates a text-to-sound task, waits for it and saves the result (or writes it to stdout). */
export async function sound(context: Context, prompt: string, options: SoundOptions): Promise<void> {
  const duration = options.duration === undefined ? undefined : Number(options.duration);
  if (duration !== undefined && !(duration > exclusiveMinimum && duration <= maximum)) {
    throw new InputError(
      `--duration must be a number of seconds ${DURATION_RANGE}, got "${options.duration}"`,
    );
  }
  // The result's extension is added by saveResult when the name has none.
  const target = await outputTarget(options.output, "sound", context.json);
  context.reporter.step(`creating a ${options.music ? "music" : "sound"} task`);
  const { taskId, runId } = await createAndWait(
    context.client,
    "text-to-sound",
    {
      prompt,
      audio_type: options.music ? "music" : "sound",
      ...(duration === undefined ? {} : { duration }),
    },
    {
      ...context.poll,
      signal: context.signal,
      onStatus: (status, info) => context.reporter.status("text-to-sound", status.status, info.elapsedMs),
    },
  );
  if (target.kind === "stdout") {
    const audio = await openResultAudio(context.client, "text-to-sound", runId, { signal: context.signal });
    const bytes = await writeToStdout(audio.stream, audio.contentLength, context.signal);
    context.reporter.step(`wrote ${bytes} bytes of run ${runId} to stdout`);
    return;
  }
  const { path } = target;
  const saved = await saveResult(context.client, "text-to-sound", runId, path, {
    signal: context.signal,
    onProgress: ({ bytes, totalBytes }) => context.reporter.bytes(path, bytes, totalBytes),
  });
  context.reporter.done();
  const { info, line } = await describeFile(saved.path);
  printResult(context, { taskId, runId, ...saved, audio: info }, [line]);
}
