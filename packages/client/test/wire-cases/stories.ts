// Wire cases of the story operations: multipart creates, status, results, and the translated-story calls.
import type { Case } from "./case.js";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export const storyCases: Record<string, Case> = {
  createStoryTask: {
    call: (c) =>
      c.POST("/story", {
        body: {
          file: new File(["Once upon a time, a fox met a crow."], "fox.txt", { type: "text/plain" }),
          source_language: 1,
          title: "The Fox and the Crow",
          narrator_voice_id: 147320,
          chosen_dictionaries: [12, 13],
        },
      }),
    method: "POST",
    path: "/story",
  },
  createStorySetupTask: {
    call: (c) =>
      c.POST("/story-setup", {
        body: {
          file: new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], "fox.docx", { type: DOCX }),
          source_language: 1,
          description: "A fable, for the Studio",
          folder_id: 3,
        },
      }),
    method: "POST",
    path: "/story-setup",
  },
  getStoryTaskStatus: {
    call: (c) => c.GET("/story/{task_id}", { params: { path: { task_id: "story/7 t" } } }),
    method: "GET",
    path: "/story/story%2F7%20t",
  },
  getStoryResult: {
    call: (c) =>
      c.GET("/story-result/{run_id}", {
        params: { path: { run_id: 6400 }, query: { include_transcript: true } },
      }),
    method: "GET",
    path: "/story-result/6400",
    query: { include_transcript: "true" },
  },
  getStoryResults: {
    call: (c) => c.POST("/stories-results", { body: { run_ids: [6400, 6401] } }),
    method: "POST",
    path: "/stories-results",
    json: { run_ids: [6400, 6401] },
  },
  // One path template, two meanings of `id`: the POST takes the story's run id (an integer)...
  createTranslatedStoryTask: {
    call: (c) =>
      c.POST("/translated-story/{id}", { params: { path: { id: 6400 } }, body: { target_language: 76 } }),
    method: "POST",
    path: "/translated-story/6400",
    json: { target_language: 76 },
  },
  // ...and the GET the task id the POST answered (a string, percent-encoded like every task id).
  getTranslatedStoryTaskStatus: {
    call: (c) => c.GET("/translated-story/{id}", { params: { path: { id: "tstory/8 s" } } }),
    method: "GET",
    path: "/translated-story/tstory%2F8%20s",
  },
  getTranslatedStoryResult: {
    call: (c) =>
      c.GET("/translated-story-result/{run_id}/{target_language}", {
        params: { path: { run_id: 6402, target_language: 76 }, query: { include_transcript: false } },
      }),
    method: "GET",
    path: "/translated-story-result/6402/76",
    query: { include_transcript: "false" },
  },
};
