// Shared test body: stories from a .txt and a .docx upload (narration that decodes and carries the text, the
// dialogue file, the transcript when asked), story-setup's finished answer, and a story's translations.
import { describe, expect, test } from "vitest";
import { normalizeTranscriptText } from "../../src/media/transcript-text.js";
import { expectDeclaredAnswer, finishTask, form, runFamily, sandboxPerTest } from "../helpers/family-flow.js";
import type { Harness } from "../helpers/harness.js";
import { docx } from "../helpers/office-files.js";
import { callOperation } from "../helpers/operation-call.js";
import {
  type Cue,
  carriedText,
  decodedSeconds,
  download,
  downloadText,
  expectWithin,
  wordsOf,
} from "../helpers/result-files.js";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const TALE = "Once upon a time, a fox lived by the river.\nHe was clever.";

type StoryResult = { audio_url: string; dialogue_url: string; transcript?: Cue[] | null };

const UPLOADS = {
  txt: () => new Blob([TALE], { type: "text/plain" }),
  docx: () =>
    new Blob(
      [new Uint8Array(docx([["Once upon a time, ", "a fox lived by the river."], ["He was clever."]]))],
      {
        type: DOCX_TYPE,
      },
    ),
};

/** A story's upload form: the file, its language and a title. */
const storyForm = (kind: keyof typeof UPLOADS, title = "The fox") =>
  form({ source_language: "1", title }, { name: "file", blob: UPLOADS[kind](), filename: `tale.${kind}` });

/** A narration: an MP3 that decodes and carries `text`, its dialogue file, and a transcript within it. */
async function expectNarration(result: StoryResult, text: string): Promise<void> {
  const audio = await download(result.audio_url, "mp3");
  const seconds = decodedSeconds(audio.path);
  expect(seconds).toBeGreaterThan(1);
  expect(carriedText(audio.path)).toBe(text);
  expect((await downloadText(result.dialogue_url)).text).toBe(`${text}\n`);
  expect(wordsOf(result.transcript ?? [])).toBe(normalizeTranscriptText(text));
  expectWithin(result.transcript ?? [], seconds);
}

export function storySuite(harness: Harness): void {
  describe(`stories, ${harness.name}`, () => {
    const start = sandboxPerTest(harness);

    test.each(["txt", "docx"] as const)(
      "a story from a .%s is narrated: MP3 carrying its text, its dialogue, its transcript when asked",
      async (kind) => {
        const base = await start();
        const run = await runFamily(base, "story", { body: storyForm(kind) });
        expect(run.statuses).toEqual(["PENDING", "SUCCESS"]);
        const path = { run_id: run.runId };
        const asked = await callOperation<StoryResult>(base, "getStoryResult", {
          path,
          query: { include_transcript: "true" },
        });
        await expectNarration(asked.body, TALE);
        const plain = await callOperation<StoryResult>(base, "getStoryResult", { path });
        expect(plain.body.transcript).toBeUndefined();
      },
    );

    test("story-setup answers { run_id, story_details } at once; that run is narrated and in the bulk answer", async () => {
      const base = await start();
      const setup = await callOperation<{ run_id: number; story_details: Record<string, unknown> }>(
        base,
        "createStorySetupTask",
        { body: storyForm("txt", "Set up") },
      );
      expect(Object.keys(setup.body).sort()).toEqual(["run_id", "story_details"]);
      expect(setup.body.story_details).toMatchObject({ story_title: "Set up", source_language: 1 });
      const path = { run_id: setup.body.run_id };
      const result = await callOperation<StoryResult>(base, "getStoryResult", {
        path,
        query: { include_transcript: "true" },
      });
      await expectNarration(result.body, TALE);

      const story = await runFamily(base, "story", { body: storyForm("docx") });
      const bulk = await callOperation<Record<string, StoryResult>>(base, "getStoryResults", {
        body: { run_ids: [setup.body.run_id, story.runId] },
      });
      expect(Object.keys(bulk.body).sort()).toEqual([String(setup.body.run_id), String(story.runId)].sort());
    });

    test("a story's translation: created with the story's run id, polled by its task id, narrated in that language", async () => {
      const base = await start();
      const story = await runFamily(base, "story", { body: storyForm("txt") });
      const created = await callOperation<{ message: string; task_id: string }>(
        base,
        "createTranslatedStoryTask",
        { path: { id: story.runId }, body: { target_language: 54 } },
      );
      expect(created.status).toBe(200);
      const translation = await finishTask(base, "translated-story", created.body.task_id);
      expect(translation.statuses).toEqual(["PENDING", "SUCCESS"]);
      // The spec leaves open which run id the result takes; the sandbox takes both.
      for (const run_id of [translation.runId, story.runId]) {
        const result = await callOperation<StoryResult>(base, "getTranslatedStoryResult", {
          path: { run_id, target_language: 54 },
          query: { include_transcript: "true" },
        });
        await expectNarration(result.body, `[es-es] ${TALE}`);
      }
      const unknown = await callOperation(base, "createTranslatedStoryTask", {
        path: { id: 999_999 },
        body: { target_language: 54 },
      });
      expect(unknown.status).toBe(400);
      expectDeclaredAnswer("createTranslatedStoryTask", 400, unknown.body);
    });

    test("a story's narration in a language no translation added is a 400, by either run id", async () => {
      const base = await start();
      const story = await runFamily(base, "story", { body: storyForm("txt") });
      const created = await callOperation<{ task_id: string }>(base, "createTranslatedStoryTask", {
        path: { id: story.runId },
        body: { target_language: 54 },
      });
      const translation = await finishTask(base, "translated-story", created.body.task_id);
      for (const run_id of [translation.runId, story.runId]) {
        const answer = await callOperation(base, "getTranslatedStoryResult", {
          path: { run_id, target_language: 76 },
        });
        expect(answer.status, `run ${run_id}`).toBe(400);
        expectDeclaredAnswer("getTranslatedStoryResult", 400, answer.body);
      }
    });
  });
}
