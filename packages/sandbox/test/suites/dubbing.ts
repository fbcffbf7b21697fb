// Shared test body: a dub from create to its files per language (decoded by ffmpeg, probed by ffprobe), its
// transcript exports, its other formats and the deprecated status aliases, over either transport.
import { extensionOf } from "@camb-kit/client/spec";
import { describe, expect, test } from "vitest";
import { flacTest } from "../helpers/decoders.js";
import {
  expectDeclaredAnswer,
  finishTask,
  runFamily,
  sandboxPerTest,
  speechUrl,
} from "../helpers/family-flow.js";
import type { Harness } from "../helpers/harness.js";
import { callOperation } from "../helpers/operation-call.js";
import {
  type Cue,
  carriedText,
  cuesOf,
  decodedSeconds,
  download,
  downloadText,
  expectWithin,
  inMs,
  wordsOf,
} from "../helpers/result-files.js";
import { decodeAll, probeVideo } from "../helpers/video-probe.js";

const SOURCE = "Hello from the sandbox. A short dub.";
/** An MP3 decodes a little longer than what was encoded: the encoder's delay and the last frame's padding. */
const MP3_SLACK = 0.12;

interface DubResult {
  audio_url: string;
  video_url: string | null;
  transcript: (Cue & { speaker: string })[];
}

/** One language of a dub: speech that decodes, as long as its transcript, saying it; a playable video. */
async function expectDubbed(result: DubResult, words: string): Promise<void> {
  expect(wordsOf(result.transcript)).toBe(words);
  const audio = await download(result.audio_url, "mp3");
  const seconds = decodedSeconds(audio.path);
  const span = result.transcript.at(-1)?.end ?? 0;
  expect(Math.abs(seconds - span)).toBeLessThan(MP3_SLACK);
  expectWithin(result.transcript, seconds);
  expect(carriedText(audio.path)).toBe(words);

  const video = await download(result.video_url ?? "", "mp4");
  const probed = probeVideo(video.path);
  expect(probed.streams.map((s) => s.codec_type).sort()).toEqual(["audio", "video"]);
  expect(decodeAll(video.path)).toEqual({ status: 0, messages: "" });
}

export function dubbingSuite(harness: Harness): void {
  describe(`dubbing, ${harness.name}`, () => {
    const start = sandboxPerTest(harness);

    /** A finished dub of the sandbox's own speech (a few seconds long) into `targets`. */
    async function dub(base: string, targets: (number | string)[]) {
      const video_url = await speechUrl(base, SOURCE);
      return runFamily(base, "dub", { body: { video_url, source_language: 1, target_languages: targets } });
    }

    test("one target: one result whose MP3 lasts as long as its transcript and whose video has one video and one audio stream", async () => {
      const base = await start();
      const run = await dub(base, [54]);
      expect(run.statuses).toEqual(["PENDING", "SUCCESS"]);
      const result = await callOperation<DubResult>(base, "getDubResult", { path: { run_id: run.runId } });
      await expectDubbed(result.body, `[es-es] ${SOURCE}`);
    });

    test("two targets: a map keyed by locale, each language its own speech, video and transcript; bulk by run id", async () => {
      const base = await start();
      const run = await dub(base, [54, "fr-fr"]);
      const result = await callOperation<Record<string, DubResult>>(base, "getDubResult", {
        path: { run_id: run.runId },
      });
      expect(Object.keys(result.body)).toEqual(["es-es", "fr-fr"]);
      for (const [locale, language] of Object.entries(result.body))
        await expectDubbed(language, `[${locale}] ${SOURCE}`);

      const single = await dub(base, [31]);
      const bulk = await callOperation<Record<string, unknown>>(base, "getDubResults", {
        body: { run_ids: [run.runId, single.runId] },
      });
      expect(Object.keys(bulk.body).sort()).toEqual([String(run.runId), String(single.runId)]);
      expect(bulk.body[String(run.runId)]).toMatchObject({ "es-es": {}, "fr-fr": {} });
      expect(bulk.body[String(single.runId)]).toMatchObject({ audio_url: expect.any(String) });
    });

    test("/transcript/{run_id}/{language}: SRT, VTT and text in the source and each target, a URL for data_type=file", async () => {
      const base = await start();
      const run = await dub(base, [54]);
      const dubbed = (await callOperation<DubResult>(base, "getDubResult", { path: { run_id: run.runId } }))
        .body;
      const transcript = (language: number | string, query: Record<string, string>) =>
        callOperation<{ transcript: string }>(base, "getDubTranscript", {
          path: { run_id: run.runId, language },
          query,
        });
      for (const type of ["srt", "vtt"] as const) {
        const cues = await cuesOf((await transcript("es-es", { format_type: type })).body.transcript, type);
        expect(inMs(cues)).toEqual(inMs(dubbed.transcript));
      }
      const text = (await transcript(54, { format_type: "txt", data_type: "raw_data" })).body.transcript;
      expect(text).toBe(dubbed.transcript.map((s) => `${s.text}\n`).join(""));
      const source = await cuesOf((await transcript(1, { format_type: "srt" })).body.transcript, "srt");
      expect(wordsOf(source)).toBe(SOURCE);

      const raw = (await transcript(54, { format_type: "vtt" })).body.transcript;
      const file = await callOperation<{ file_url: string }>(base, "getDubTranscript", {
        path: { run_id: run.runId, language: 54 },
        query: { format_type: "vtt", data_type: "file" },
      });
      const served = await downloadText(file.body.file_url);
      expect(served.text).toBe(raw);
      expect(extensionOf(served.contentType ?? "")).toBe("vtt");
    });

    test("/transcript of a language the dub does not have is a 400 { detail }", async () => {
      const base = await start();
      const run = await dub(base, [54]);
      const missing = await callOperation(base, "getDubTranscript", {
        path: { run_id: run.runId, language: 76 },
      });
      expect(missing.status).toBe(400);
      expectDeclaredAnswer("getDubTranscript", 400, missing.body);
    });

    test.each([
      ["mkv", "matroska,webm"],
      ["flac", "flac"],
    ])(
      "/dub-alt-format in %s: a task first, then the same call answers { output_url } to that container",
      async (format, container) => {
        const base = await start();
        const run = await dub(base, [54]);
        const ask = () =>
          callOperation<{ task_id?: string; output_url?: string }>(base, "createDubAltFormatTask", {
            path: { run_id: run.runId, language: "es-es" },
            body: { output_format: format },
          });
        const first = await ask();
        expect(Object.keys(first.body)).toEqual(["task_id"]);
        const conversion = await finishTask(base, "dub-alt-format", first.body.task_id ?? "");
        expect(conversion.statuses).toEqual(["PENDING", "SUCCESS"]);
        const converted = await ask();
        expect(Object.keys(converted.body)).toEqual(["output_url"]);
        const file = await download(converted.body.output_url ?? "", format);
        const probed = probeVideo(file.path);
        expect(probed.format.format_name).toBe(container);
        if (format === "mkv")
          expect(probed.streams.map((s) => s.codec_type).sort()).toEqual(["audio", "video"]);
        else expect(flacTest(file.path).status).toBe(0);
        expect(decodeAll(file.path).status).toBe(0);
      },
    );

    test("/dub-alt-format of a language the dub does not have is a 400, as its transcript is", async () => {
      const base = await start();
      const run = await dub(base, [54]);
      const answer = await callOperation(base, "createDubAltFormatTask", {
        path: { run_id: run.runId, language: 76 },
        body: { output_format: "mp3" },
      });
      expect(answer.status).toBe(400);
      expectDeclaredAnswer("createDubAltFormatTask", 400, answer.body);
    });

    test("the Discord and Twitter status aliases answer what the status call answers, PENDING and 404 alike", async () => {
      const base = await start();
      const video_url = await speechUrl(base, SOURCE);
      const created = await callOperation<{ task_id: string }>(base, "createDubTask", {
        body: { video_url, source_language: 1, target_language: 54 },
      });
      const path = { task_id: created.body.task_id };
      const pending = await callOperation(base, "getDubTaskStatusDiscord", { path });
      expect(pending.body).toMatchObject({ status: "PENDING", run_id: null });
      const status = await callOperation(base, "getDubTaskStatus", { path });
      expect(status.body).toMatchObject({ status: "SUCCESS" });
      for (const alias of ["getDubTaskStatusDiscord", "getDubTaskStatusTwitter"] as const) {
        expect(await callOperation(base, alias, { path })).toEqual(status);
        const unknown = await callOperation(base, alias, { path: { task_id: "no-such-task" } });
        expect(unknown.status).toBe(404);
        expectDeclaredAnswer(alias, 404, unknown.body);
      }
    });
  });
}
