// Shared test body: transcription of the sandbox's own speech (uploaded as a file part, or by URL) back to its
// words, within its length; SRT/VTT exports; bulk results; and a create without media refused in the API's shape.
import { describe, expect, test } from "vitest";
import { writeTemp } from "../helpers/decoders.js";
import {
  expectDeclaredAnswer,
  form,
  runFamily,
  sandboxPerTest,
  speechUrl,
  streamedSpeech,
} from "../helpers/family-flow.js";
import type { Harness } from "../helpers/harness.js";
import { callOperation } from "../helpers/operation-call.js";
import {
  type Cue,
  cuesOf,
  decodedSeconds,
  downloadText,
  expectWithin,
  inMs,
  wordsOf,
} from "../helpers/result-files.js";

const TEXT = "The quick brown fox jumps over the lazy dog. It was a sunny day!";

type Transcript = { transcript: Cue[] };

export function transcriptionSuite(harness: Harness): void {
  describe(`transcription, ${harness.name}`, () => {
    const start = sandboxPerTest(harness);

    test.each(["wav", "flac", "mp3"])(
      "the sandbox's %s speech uploaded as media_file gives back its words, within its length, and exports that parse",
      async (format) => {
        const base = await start();
        const speech = await streamedSpeech(base, TEXT, format);
        const body = form(
          { language: "1" },
          { name: "media_file", blob: speech, filename: `speech.${format}` },
        );
        const run = await runFamily(base, "transcription", { body });
        expect(run.statuses).toEqual(["PENDING", "SUCCESS"]);
        const path = { run_id: run.runId };
        const { transcript } = (await callOperation<Transcript>(base, "getTranscriptionResult", { path }))
          .body;
        expect(wordsOf(transcript)).toBe(TEXT);
        expect(transcript.length).toBeGreaterThan(1);
        const seconds = decodedSeconds(writeTemp(new Uint8Array(await speech.arrayBuffer()), format));
        expectWithin(transcript, seconds);

        for (const type of ["srt", "vtt"] as const) {
          const exported = await callOperation<{ transcript: string }>(base, "getTranscriptionResult", {
            path,
            query: { format_type: type },
          });
          expect(inMs(await cuesOf(exported.body.transcript, type))).toEqual(inMs(transcript));
        }
        const file = await callOperation<{ file_url: string }>(base, "getTranscriptionResult", {
          path,
          query: { format_type: "srt", data_type: "file" },
        });
        expect(inMs(await cuesOf((await downloadText(file.body.file_url)).text, "srt"))).toEqual(
          inMs(transcript),
        );
      },
    );

    test("a media_url create reads the sandbox's speech at that URL, cut by formatting_options sent as a JSON part", async () => {
      const base = await start();
      const media_url = await speechUrl(base, TEXT);
      const formatting_options = JSON.stringify({ max_characters_in_segment: 12 });
      const run = await runFamily(base, "transcription", {
        body: form({ language: "en-us", media_url, formatting_options }),
      });
      const { transcript } = (
        await callOperation<Transcript>(base, "getTranscriptionResult", { path: { run_id: run.runId } })
      ).body;
      expect(wordsOf(transcript)).toBe(TEXT);
      for (const segment of transcript) expect(segment.text.length).toBeLessThanOrEqual(12);
    });

    test("the deprecated audio_url alias reads the media at that URL as media_url does", async () => {
      const base = await start();
      const audio_url = await speechUrl(base, TEXT);
      const run = await runFamily(base, "transcription", { body: form({ language: "1", audio_url }) });
      const { transcript } = (
        await callOperation<Transcript>(base, "getTranscriptionResult", { path: { run_id: run.runId } })
      ).body;
      expect(wordsOf(transcript)).toBe(TEXT);
    });

    test("neither a media_file part nor a media_url is a 422 in FastAPI's validation-error shape", async () => {
      const base = await start();
      const answer = await callOperation(base, "createTranscriptionTask", { body: form({ language: "1" }) });
      expect(answer.status).toBe(422);
      expectDeclaredAnswer("createTranscriptionTask", 422, answer.body);
    });

    test("bulk /transcription-results with two run ids answers both transcripts, keyed by run id", async () => {
      const base = await start();
      const runs = [];
      for (const text of [TEXT, "Second recording. Short."])
        runs.push(
          await runFamily(base, "transcription", {
            body: form({ language: "1", media_url: await speechUrl(base, text) }),
          }),
        );
      const ids = runs.map((run) => run.runId);
      const bulk = await callOperation<Record<string, Transcript>>(base, "getTranscriptionResults", {
        body: { run_ids: ids },
      });
      expect(Object.keys(bulk.body).sort()).toEqual(ids.map(String).sort());
      expect(wordsOf(bulk.body[String(ids[0])]?.transcript ?? [])).toBe(TEXT);
      expect(wordsOf(bulk.body[String(ids[1])]?.transcript ?? [])).toBe("Second recording. Short.");
    });
  });
}
