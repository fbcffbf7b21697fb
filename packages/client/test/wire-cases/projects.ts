// Wire cases of the project setup operations: create, the runs-array status, result, bulk.
import type { Schemas } from "../../src/spec.js";
import type { Case } from "./case.js";

const project = {
  media_url: "https://storage.example/episode-12.mxf",
  source_language: "en-us",
  target_languages: [54, "ja-jp"],
  selected_audio_tracks: [0, 1],
  add_output_as_an_audio_track: true,
  chosen_dictionaries: [12],
  project_name: "Episode 12",
  folder_id: 3,
} satisfies Schemas["CreateProjectSetupRequest"];

export const projectCases: Record<string, Case> = {
  createProjectSetupTask: {
    call: (c) => c.POST("/project-setup", { body: project }),
    method: "POST",
    path: "/project-setup",
    json: project,
  },
  getProjectSetupTaskStatus: {
    call: (c) => c.GET("/project-setup/{task_id}", { params: { path: { task_id: "ps/8 r" } } }),
    method: "GET",
    path: "/project-setup/ps%2F8%20r",
  },
  getProjectSetupResult: {
    call: (c) => c.GET("/project-setup-result/{run_id}", { params: { path: { run_id: 4200 } } }),
    method: "GET",
    path: "/project-setup-result/4200",
  },
  getProjectSetupResults: {
    call: (c) => c.POST("/project-setup-results", { body: { run_ids: [4200, 4201] } }),
    method: "POST",
    path: "/project-setup-results",
    json: { run_ids: [4200, 4201] },
  },
};
