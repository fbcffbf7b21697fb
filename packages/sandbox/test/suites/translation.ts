// Shared test body: translation tasks (texts back in order, bulk), the deprecated plain-text stream, and
// translated speech fetched through the speech family's /tts-result.
import { describe, expect, test } from "vitest";
import { flacTest, writeTemp } from "../helpers/decoders.js";
import { runFamily, sandboxPerTest } from "../helpers/family-flow.js";
import type { Harness } from "../helpers/harness.js";
import { KEY } from "../helpers/harness.js";
import { callOperation, operationUrl } from "../helpers/operation-call.js";
import { carriedText, decodedSeconds, download } from "../helpers/result-files.js";

const TEXTS = ["Good morning.", "Where is the station?", "Thank you very much!"];

export function translationSuite(harness: Harness): void {
  describe(`translation, ${harness.name}`, () => {
    const start = sandboxPerTest(harness);

    test("as many texts come back as were sent, each recognisably translated, in order; bulk keyed by run id", async () => {
      const base = await start();
      const run = await runFamily(base, "translation", {
        body: { texts: TEXTS, source_language: 1, target_language: 54 },
      });
      expect(run.statuses).toEqual(["PENDING", "SUCCESS"]);
      const result = await callOperation<{ texts: string[] }>(base, "getTranslationResult", {
        path: { run_id: run.runId },
      });
      expect(result.body.texts).toEqual(TEXTS.map((text) => `[es-es] ${text}`));

      const other = await runFamily(base, "translation", {
        body: { texts: ["Hello."], source_language: "en-us", target_language: "fr-fr" },
      });
      const bulk = await callOperation<Record<string, { texts: string[] }>>(base, "getTranslationResults", {
        body: { run_ids: [run.runId, other.runId] },
      });
      expect(bulk.body).toEqual({ [run.runId]: result.body, [other.runId]: { texts: ["[fr-fr] Hello."] } });
    });

    test("/translation/stream answers the translation as text/plain in chunks, with x-credits-required", async () => {
      const base = await start();
      const response = await fetch(operationUrl(base, "streamTranslation"), {
        method: "POST",
        headers: { "x-api-key": KEY, "content-type": "application/json" },
        body: JSON.stringify({ text: "Where is the station?", source_language: 1, target_language: 76 }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(Number(response.headers.get("x-credits-required"))).toBeGreaterThanOrEqual(1);
      // Streamed: no length up front (chunked over HTTP); the chunks join to the translation.
      expect(response.headers.get("content-length")).toBeNull();
      const chunks: string[] = [];
      const decoder = new TextDecoder();
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read())
        chunks.push(decoder.decode(read.value, { stream: true }));
      expect(chunks.length).toBeGreaterThanOrEqual(1);
      expect(chunks.join("")).toBe("[fr-fr] Where is the station?");
    });

    test("translated speech: its audio comes through /tts-result/{run_id} as FLAC that decodes, and as a file URL", async () => {
      const base = await start();
      const run = await runFamily(base, "translated-tts", {
        body: { text: "Good evening, everyone.", voice_id: 147320, source_language: 1, target_language: 54 },
      });
      const audio = await fetch(operationUrl(base, "getSpeechResult", { path: { run_id: run.runId } }), {
        headers: { "x-api-key": KEY },
      });
      expect(audio.status).toBe(200);
      expect(audio.headers.get("content-type")).toBe("audio/flac");
      const path = writeTemp(new Uint8Array(await audio.arrayBuffer()), "flac");
      expect(flacTest(path).status).toBe(0);
      expect(decodedSeconds(path)).toBeGreaterThan(1);

      const file = await callOperation<{ output_url: string }>(base, "getSpeechResult", {
        path: { run_id: run.runId },
        query: { output_type: "file_url" },
      });
      expect(flacTest((await download(file.body.output_url, "flac")).path).status).toBe(0);
    });

    test("translated speech speaks the translation, so transcribing it gives the translated words", async () => {
      const base = await start();
      const run = await runFamily(base, "translated-tts", {
        body: { text: "Good evening, everyone.", voice_id: 147320, source_language: 1, target_language: 54 },
      });
      const file = await callOperation<{ output_url: string }>(base, "getSpeechResult", {
        path: { run_id: run.runId },
        query: { output_type: "file_url" },
      });
      expect(carriedText((await download(file.body.output_url, "flac")).path)).toBe(
        "[es-es] Good evening, everyone.",
      );
    });
  });
}
