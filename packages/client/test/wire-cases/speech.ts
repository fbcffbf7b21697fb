// Wire cases of the speech operations added after the first wave (the Discord status alias).
import type { Case } from "./case.js";

export const speechCases: Record<string, Case> = {
  getSpeechTaskStatusDiscord: {
    call: (c) => c.GET("/discord/tts/{task_id}", { params: { path: { task_id: "tts/9 b" } } }),
    method: "GET",
    path: "/discord/tts/tts%2F9%20b",
  },
};
