// Shared test body: subtitles of the sandbox's own speech per target language, cut by formatting_options,
// in one language or all, exported as SRT/VTT or a file, and in bulk with the export asked in the query.
import { describe, expect, test } from "vitest";
import { expectDeclaredAnswer, runFamily, sandboxPerTest, speechUrl } from "../helpers/family-flow.js";
import type { Harness } from "../helpers/harness.js";
import { callOperation } from "../helpers/operation-call.js";
import {
  type Cue,
  cuesOf,
  decodedSeconds,
  download,
  downloadText,
  expectWithin,
  inMs,
  wordsOf,
} from "../helpers/result-files.js";

const TEXT =
  "Subtitles follow the speech closely. Each cue stays short and quick to read, as the options ask!";
const OPTIONS = { max_characters_in_segment: 24, max_segment_duration_in_seconds: 1.5 };

type Subtitles = { transcript: Cue[] };
type Exported = { transcript: string };

export function subtitleSuite(harness: Harness): void {
  describe(`subtitles, ${harness.name}`, () => {
    const start = sandboxPerTest(harness);

    /** Subtitles of the sandbox's speech of TEXT in Spanish and French; the speech's decoded length. */
    async function subtitle(base: string, text = TEXT) {
      const media_url = await speechUrl(base, text);
      const seconds = decodedSeconds((await download(media_url, "flac")).path);
      const run = await runFamily(base, "subtitles", {
        body: { media_url, source_language: 1, target_languages: [54, "fr-fr"], formatting_options: OPTIONS },
      });
      return { run, seconds };
    }

    test("cues honour formatting_options in each language: none over max_characters_in_segment or max_segment_duration_in_seconds", async () => {
      const base = await start();
      const { run, seconds } = await subtitle(base);
      expect(run.statuses).toEqual(["PENDING", "SUCCESS"]);
      const all = await callOperation<Record<string, Subtitles>>(base, "getSubtitleResult", {
        path: { run_id: run.runId },
      });
      expect(Object.keys(all.body)).toEqual(["es-es", "fr-fr"]);
      for (const language of ["es-es", "fr-fr"]) {
        const one = await callOperation<Subtitles>(base, "getSubtitleLanguageResult", {
          path: { run_id: run.runId, language },
        });
        expect(one.body).toEqual(all.body[language]);
        const cues = one.body.transcript;
        expect(wordsOf(cues)).toBe(`[${language}] ${TEXT}`);
        expect(cues.length).toBeGreaterThan(4);
        for (const cue of cues) {
          expect(cue.text.length, cue.text).toBeLessThanOrEqual(OPTIONS.max_characters_in_segment);
          expect(cue.end - cue.start, cue.text).toBeLessThanOrEqual(OPTIONS.max_segment_duration_in_seconds);
        }
        expectWithin(cues, seconds);
      }
      const missing = await callOperation(base, "getSubtitleLanguageResult", {
        path: { run_id: run.runId, language: 88 },
      });
      expect(missing.status).toBe(400);
      expectDeclaredAnswer("getSubtitleLanguageResult", 400, missing.body);
    });

    test("exports: SRT and VTT parse to the cues in one language and in all; data_type=file serves the file", async () => {
      const base = await start();
      const { run } = await subtitle(base);
      const path = { run_id: run.runId, language: 54 };
      const cues = (await callOperation<Subtitles>(base, "getSubtitleLanguageResult", { path })).body
        .transcript;
      for (const type of ["srt", "vtt"] as const) {
        const one = await callOperation<Exported>(base, "getSubtitleLanguageResult", {
          path,
          query: { format_type: type },
        });
        expect(inMs(await cuesOf(one.body.transcript, type))).toEqual(inMs(cues));
        const all = await callOperation<Record<string, Exported>>(base, "getSubtitleResult", {
          path: { run_id: run.runId },
          query: { format_type: type, data_type: "raw_data" },
        });
        expect(all.body["es-es"]).toEqual(one.body);
        expect(wordsOf(await cuesOf(all.body["fr-fr"]?.transcript ?? "", type))).toBe(`[fr-fr] ${TEXT}`);
      }
      const file = await callOperation<{ file_url: string }>(base, "getSubtitleLanguageResult", {
        path,
        query: { format_type: "vtt", data_type: "file" },
      });
      expect(inMs(await cuesOf((await downloadText(file.body.file_url)).text, "vtt"))).toEqual(inMs(cues));
    });

    test("bulk /sub-results takes format_type and data_type as query parameters of the POST", async () => {
      const base = await start();
      const first = (await subtitle(base)).run;
      const second = (await subtitle(base, "A second clip. Also short.")).run;
      const bulk = await callOperation<Record<string, Record<string, Exported>>>(base, "getSubtitleResults", {
        query: { format_type: "srt", data_type: "raw_data" },
        body: { run_ids: [first.runId, second.runId] },
      });
      expect(Object.keys(bulk.body).sort()).toEqual([String(first.runId), String(second.runId)].sort());
      const spanish = bulk.body[String(second.runId)]?.["es-es"]?.transcript ?? "";
      expect(wordsOf(await cuesOf(spanish, "srt"))).toBe("[es-es] A second clip. Also short.");
    });
  });
}
