// Wire cases of the transcription operations: a multipart create, status, result with its options, bulk.
import type { Case } from "./case.js";

export const transcriptionCases: Record<string, Case> = {
  createTranscriptionTask: {
    call: (c) =>
      c.POST("/transcribe", {
        body: {
          language: "auto",
          media_file: new File([new Uint8Array([0xff, 0xfb, 0x90, 0x64])], "interview.mp3", {
            type: "audio/mpeg",
          }),
          transcription_mode: "slow",
          formatting_options: { max_segment_duration_in_seconds: 7, max_characters_in_segment: 42 },
          run_audio_cleaning: true,
          project_name: "Interviews",
        },
      }),
    method: "POST",
    path: "/transcribe",
  },
  getTranscriptionTaskStatus: {
    call: (c) => c.GET("/transcribe/{task_id}", { params: { path: { task_id: "tr/3 z" } } }),
    method: "GET",
    path: "/transcribe/tr%2F3%20z",
  },
  getTranscriptionResult: {
    call: (c) =>
      c.GET("/transcription-result/{run_id}", {
        params: {
          path: { run_id: 8800 },
          query: { word_level_timestamps: true, format_type: "vtt", data_type: "file" },
        },
      }),
    method: "GET",
    path: "/transcription-result/8800",
    query: { word_level_timestamps: "true", format_type: "vtt", data_type: "file" },
  },
  getTranscriptionResults: {
    call: (c) => c.POST("/transcription-results", { body: { run_ids: [8800, 8801, 8802] } }),
    method: "POST",
    path: "/transcription-results",
    json: { run_ids: [8800, 8801, 8802] },
  },
};
