// Wire cases of the subtitles operations: create, status, the two results with their query, bulk.
import type { Schemas } from "../../src/spec.js";
import type { Case } from "./case.js";

const subtitles = {
  media_url: "https://storage.example/lecture.mp4",
  source_language: "auto",
  target_languages: [1, "pt-br"],
  transcription_mode: "fast",
  formatting_options: { max_segment_duration_in_seconds: 7, min_segment_duration_in_seconds: 1 },
} satisfies Schemas["CreateSubtitleRequest"];

export const subtitleCases: Record<string, Case> = {
  createSubtitleTask: {
    call: (c) => c.POST("/sub", { body: subtitles }),
    method: "POST",
    path: "/sub",
    json: subtitles,
  },
  getSubtitleTaskStatus: {
    call: (c) => c.GET("/sub/{task_id}", { params: { path: { task_id: "sub/9 q" } } }),
    method: "GET",
    path: "/sub/sub%2F9%20q",
  },
  getSubtitleResult: {
    call: (c) =>
      c.GET("/sub-result/{run_id}", {
        params: { path: { run_id: 3100 }, query: { format_type: "srt", data_type: "file" } },
      }),
    method: "GET",
    path: "/sub-result/3100",
    query: { format_type: "srt", data_type: "file" },
  },
  getSubtitleLanguageResult: {
    call: (c) =>
      c.GET("/sub-result/{run_id}/{language}", {
        params: {
          path: { run_id: 3100, language: "pt-br" },
          query: { format_type: "vtt", data_type: "raw_data" },
        },
      }),
    method: "GET",
    path: "/sub-result/3100/pt-br",
    query: { format_type: "vtt", data_type: "raw_data" },
  },
  getSubtitleResults: {
    call: (c) =>
      c.POST("/sub-results", {
        params: { query: { format_type: "vtt", data_type: "raw_data" } },
        body: { run_ids: [3100, 3101] },
      }),
    method: "POST",
    path: "/sub-results",
    query: { format_type: "vtt", data_type: "raw_data" },
    json: { run_ids: [3100, 3101] },
  },
};
