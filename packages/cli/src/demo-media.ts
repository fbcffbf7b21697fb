// The demo's second half: the demo's own speech transcribed back to its words, translated, dubbed into two
// languages, separated into stems and exported as subtitles, through the same flows the `camb` commands use.
import { join } from "node:path";
import { type CambClient, getResultJson, resultUrlOf, unwrap } from "@camb-kit/client";
import { families } from "@camb-kit/client/spec";
import { saveSpeech } from "@camb-kit/node";
import { createAndWait } from "@camb-kit/polling";
import { SUBTITLE_FORMATS } from "./commands/subtitles.js";
import { TRANSCRIPT_FORMATS, transcriptAnswer } from "./commands/transcribe.js";
import type { Context } from "./context.js";
import { inspectTranscript } from "./inspect-transcript.js";
import { resolveLanguage } from "./languages.js";
import { uploadFile } from "./media-input.js";
import { createReporter } from "./progress.js";
import { saveOutputs } from "./save-outputs.js";
import { runTask } from "./task-run.js";
import { writeExport } from "./transcript-output.js";

/** What the demo says, and then expects every transcript of it to say back. */
export const SENTENCE = "The quick brown fox jumps over the lazy dog. Then it naps in the sun.";
const poll = { intervalMs: 100, maxIntervalMs: 500 };
const words = (text: string) => text.replace(/\s+/g, " ").trim();

/** A quiet context for the command flows: no progress (the demo prints its own steps). */
function demoContext(client: CambClient): Context {
  const signal = new AbortController().signal;
  const reporter = createReporter(process.stderr, true);
  return { client, signal, reporter, json: false, sandboxUrl: undefined, poll, close: async () => {} };
}

/** Runs the media steps; resolves with every file written, each checked later by the demo. */
export async function mediaTour(
  client: CambClient,
  outDir: string,
  voiceId: number,
  step: (message: string) => void,
): Promise<string[]> {
  const context = demoContext(client);
  const files: string[] = [];
  const file = (name: string) => ({ kind: "file" as const, path: join(outDir, name) });
  // Locales as a user types them, resolved to ids through the API's own listing.
  const english = await resolveLanguage(context, "en-us", "source", "demo");
  const [spanish, french] = await Promise.all(
    ["es-es", "fr-fr"].map((locale) => resolveLanguage(context, locale, "target", "demo")),
  );
  if (!spanish || !french) throw new Error("the sandbox lists no Spanish or French");

  step("speaking a sentence to a WAV, to hear it back through every task");
  const body = {
    text: SENTENCE,
    language: "en-us",
    voice_id: voiceId,
    output_configuration: { format: "wav" },
  };
  const spoken = await saveSpeech(
    client,
    body as Parameters<typeof saveSpeech>[1],
    join(outDir, "sentence.wav"),
  );
  files.push(spoken.path);

  step("transcribing that speech (an upload): the transcript gives the sentence back");
  const transcription = await runTask(context, "transcription", {
    language: english.id,
    media_file: await uploadFile(context, spoken.path),
  });
  for (const format of TRANSCRIPT_FORMATS) {
    const answer = await transcriptAnswer(context, transcription.runId, format);
    const written = await writeExport(context, answer, file(`transcript.${format}`));
    if (!written) continue;
    const { text } = await inspectTranscript(written.path);
    if (words(text) !== SENTENCE)
      throw new Error(`the ${format} transcript says "${text}", not the sentence`);
    files.push(written.path);
  }
  process.stdout.write(`    heard back: "${SENTENCE}"\n`);

  step("translating it into Spanish");
  const translation = await runTask(context, "translation", {
    texts: [SENTENCE],
    source_language: english.id,
    target_language: spanish.id,
  });
  const { texts } = unwrap(await getResultJson(client, "translation", translation.runId));
  process.stdout.write(`    ${texts[0]}\n`);

  step("dubbing a video of that speech into Spanish and French; every output saved");
  // The sandbox's own file URL: the dub then carries the sentence's words.
  const tts = await createAndWait(
    client,
    "tts",
    { text: SENTENCE, voice_id: voiceId, language: english.id },
    poll,
  );
  const videoUrl = resultUrlOf(unwrap(await getResultJson(client, "tts", tts.runId)));
  if (!videoUrl) throw new Error("the speech result has no URL to dub");
  const dub = await runTask(context, "dub", {
    video_url: videoUrl,
    source_language: english.id,
    target_languages: [spanish.id, french.id],
  });
  files.push(
    ...(
      await saveOutputs(context, dub.family, dub.runId, join(outDir, "dub"), {
        source: english,
        targets: [spanish, french],
      })
    ).files.map((f) => f.path),
  );

  step("separating the speech from its background: both stems saved");
  const separation = await runTask(context, "audio-separation", {
    media_file: await uploadFile(context, spoken.path),
  });
  const stems = await saveOutputs(context, separation.family, separation.runId, join(outDir, "separation"));
  files.push(...stems.files.map((f) => f.path));

  step("exporting subtitles of the video in every format of the spec, in English and Spanish");
  const subtitles = await runTask(context, "subtitles", {
    media_url: videoUrl,
    source_language: english.id,
    target_languages: [english.id, spanish.id],
  });
  for (const { locale } of [english, spanish]) {
    for (const format of SUBTITLE_FORMATS) {
      const answer = unwrap(
        await client.GET(families.subtitles.languageResult, {
          params: { path: { run_id: subtitles.runId, language: locale }, query: { format_type: format } },
        }),
      );
      const written = await writeExport(context, answer, file(`subtitles.${locale}.${format}`));
      if (written) files.push(written.path);
    }
  }
  return files;
}
