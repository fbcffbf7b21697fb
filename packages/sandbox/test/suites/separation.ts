// Shared test body: audio separation of an uploaded file into a voice and a background stem, each a WAV that
// decodes and lasts as long as the upload; and its bulk results.
import { describe, expect, test } from "vitest";
import { soxInfo, writeTemp } from "../helpers/decoders.js";
import { form, runFamily, sandboxPerTest, streamedSpeech } from "../helpers/family-flow.js";
import type { Harness } from "../helpers/harness.js";
import { callOperation } from "../helpers/operation-call.js";
import { carriedText, decodedSeconds, download } from "../helpers/result-files.js";

const TEXT = "Separate my voice from the rain.";

type Stems = { foreground_audio_url: string; background_audio_url: string };

export function separationSuite(harness: Harness): void {
  describe(`audio separation, ${harness.name}`, () => {
    const start = sandboxPerTest(harness);

    test("two WAV stems that decode and last as long as the uploaded audio, within a frame; bulk by run id", async () => {
      const base = await start();
      const speech = await streamedSpeech(base, TEXT, "wav");
      const upload = soxInfo(writeTemp(new Uint8Array(await speech.arrayBuffer()), "wav"));
      const body = () => form({}, { name: "media_file", blob: speech, filename: "mix.wav" });
      const run = await runFamily(base, "audio-separation", { body: body() });
      expect(run.statuses).toEqual(["PENDING", "SUCCESS"]);
      const stems = await callOperation<Stems>(base, "getSeparationResult", { path: { run_id: run.runId } });
      const paths: string[] = [];
      for (const url of [stems.body.foreground_audio_url, stems.body.background_audio_url]) {
        const file = await download(url, "wav");
        const info = soxInfo(file.path);
        // One sample frame at the lower of the two rates.
        const frame = 1 / Math.min(info.sampleRate, upload.sampleRate);
        expect(Math.abs(info.duration - upload.duration)).toBeLessThanOrEqual(frame);
        expect(Math.abs(decodedSeconds(file.path) - upload.duration)).toBeLessThanOrEqual(frame);
        paths.push(file.path);
      }
      expect(carriedText(paths[0] ?? "")).toBe(TEXT); // the voice stem speaks what the upload said
      expect(carriedText(paths[1] ?? "")).toBeUndefined();

      const other = await runFamily(base, "audio-separation", { body: body() });
      const bulk = await callOperation<Record<string, Stems>>(base, "getSeparationResults", {
        body: { run_ids: [run.runId, other.runId] },
      });
      expect(Object.keys(bulk.body).sort()).toEqual([String(run.runId), String(other.runId)].sort());
    });
  });
}
