// Wire cases of the dubbing operations: dub tasks, their aliases, results, transcripts and format conversions.
import type { Schemas } from "../../src/spec.js";
import type { Case } from "./case.js";

const dub = {
  video_url: "https://storage.example/keynote.mp4",
  source_language: "auto",
  target_languages: [54, "fr-fr"],
  chosen_dictionaries: [12],
  transcription_mode: "slow",
  source_transcript: { content: "1\n00:00:00,000 --> 00:00:02,000\nWelcome.\n", format: "srt" },
  project_name: "Keynote",
} satisfies Schemas["CreateDubRequest"];

export const dubbingCases: Record<string, Case> = {
  createDubTask: {
    call: (c) => c.POST("/dub", { body: dub }),
    method: "POST",
    path: "/dub",
    json: dub,
  },
  getDubTaskStatus: {
    call: (c) => c.GET("/dub/{task_id}", { params: { path: { task_id: "dub/1 x" } } }),
    method: "GET",
    path: "/dub/dub%2F1%20x",
  },
  getDubTaskStatusDiscord: {
    call: (c) => c.GET("/discord/dub/{task_id}", { params: { path: { task_id: "dub/1 x" } } }),
    method: "GET",
    path: "/discord/dub/dub%2F1%20x",
  },
  getDubTaskStatusTwitter: {
    call: (c) => c.GET("/twitter/dub/{task_id}", { params: { path: { task_id: "dub/1 x" } } }),
    method: "GET",
    path: "/twitter/dub/dub%2F1%20x",
  },
  getDubResult: {
    call: (c) => c.GET("/dub-result/{run_id}", { params: { path: { run_id: 5501 } } }),
    method: "GET",
    path: "/dub-result/5501",
  },
  getDubResults: {
    call: (c) => c.POST("/dubbing-results", { body: { run_ids: [5501, 5502] } }),
    method: "POST",
    path: "/dubbing-results",
    json: { run_ids: [5501, 5502] },
  },
  getDubTranscript: {
    call: (c) =>
      c.GET("/transcript/{run_id}/{language}", {
        params: {
          path: { run_id: 5501, language: "es-es" },
          query: { format_type: "srt", data_type: "raw_data" },
        },
      }),
    method: "GET",
    path: "/transcript/5501/es-es",
    query: { format_type: "srt", data_type: "raw_data" },
  },
  createDubAltFormatTask: {
    call: (c) =>
      c.POST("/dub-alt-format/{run_id}/{language}", {
        params: { path: { run_id: 5501, language: 54 } },
        body: { output_format: "mp4" },
      }),
    method: "POST",
    path: "/dub-alt-format/5501/54",
    json: { output_format: "mp4" },
  },
  getDubAltFormatTaskStatus: {
    call: (c) => c.GET("/dub-alt-format/{task_id}", { params: { path: { task_id: "alt/2 y" } } }),
    method: "GET",
    path: "/dub-alt-format/alt%2F2%20y",
  },
};
