// Wire cases of the translation operations: text tasks, the deprecated streamed call, translated speech.
import type { Schemas } from "../../src/spec.js";
import type { Case } from "./case.js";

const translation = {
  texts: ["Good morning", "See you soon"],
  source_language: 1,
  target_language: "de-de",
  formality: 1,
  gender: 2,
  age: 30,
  chosen_dictionaries: [12],
} satisfies Schemas["CreateTranslationRequest"];

const streamed = {
  text: "Good morning",
  source_language: "en-us",
  target_language: 54,
  formality: 2,
} satisfies Schemas["StreamTranslationRequest"];

const translatedSpeech = {
  text: "Welcome aboard",
  voice_id: 147320,
  source_language: 1,
  target_language: 54,
  formality: 1,
  gender: 1,
} satisfies Schemas["CreateTranslatedSpeechRequest"];

export const translationCases: Record<string, Case> = {
  createTranslationTask: {
    call: (c) => c.POST("/translate", { body: translation }),
    method: "POST",
    path: "/translate",
    json: translation,
  },
  getTranslationTaskStatus: {
    call: (c) => c.GET("/translate/{task_id}", { params: { path: { task_id: "tl/4 w" } } }),
    method: "GET",
    path: "/translate/tl%2F4%20w",
  },
  getTranslationResult: {
    call: (c) => c.GET("/translation-result/{run_id}", { params: { path: { run_id: 9100 } } }),
    method: "GET",
    path: "/translation-result/9100",
  },
  getTranslationResults: {
    call: (c) => c.POST("/translation-results", { body: { run_ids: [9100, 9101] } }),
    method: "POST",
    path: "/translation-results",
    json: { run_ids: [9100, 9101] },
  },
  streamTranslation: {
    call: (c) => c.POST("/translation/stream", { body: streamed, parseAs: "text" }),
    method: "POST",
    path: "/translation/stream",
    json: streamed,
  },
  createTranslatedSpeechTask: {
    call: (c) => c.POST("/translated-tts", { body: translatedSpeech }),
    method: "POST",
    path: "/translated-tts",
    json: translatedSpeech,
  },
  getTranslatedSpeechTaskStatus: {
    call: (c) => c.GET("/translated-tts/{task_id}", { params: { path: { task_id: "tts/5 v" } } }),
    method: "GET",
    path: "/translated-tts/tts%2F5%20v",
  },
};
