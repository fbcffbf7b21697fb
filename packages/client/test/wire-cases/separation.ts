// Wire cases of the audio separation operations: a multipart create, status, result, bulk.
import type { Case } from "./case.js";

export const separationCases: Record<string, Case> = {
  createSeparationTask: {
    call: (c) =>
      c.POST("/audio-separation", {
        body: {
          media_file: new File([new Uint8Array([82, 73, 70, 70])], "song.wav", { type: "audio/wav" }),
          project_name: "Karaoke",
          folder_id: 3,
        },
      }),
    method: "POST",
    path: "/audio-separation",
  },
  getSeparationTaskStatus: {
    call: (c) => c.GET("/audio-separation/{task_id}", { params: { path: { task_id: "sep/6 u" } } }),
    method: "GET",
    path: "/audio-separation/sep%2F6%20u",
  },
  getSeparationResult: {
    call: (c) => c.GET("/audio-separation-result/{run_id}", { params: { path: { run_id: 7300 } } }),
    method: "GET",
    path: "/audio-separation-result/7300",
  },
  getSeparationResults: {
    call: (c) => c.POST("/audio-separation-results", { body: { run_ids: [7300, 7301] } }),
    method: "POST",
    path: "/audio-separation-results",
    json: { run_ids: [7300, 7301] },
  },
};
