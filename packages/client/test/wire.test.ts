// The wire format of every operation in the spec: method, path, x-api-key, body, query. The list of cases is
// checked against the spec's operationIds, so an operation added to the spec fails here until it is tested.
import { readFileSync } from "node:fs";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { createCambClient } from "../src/index.js";
import type { Case } from "./wire-cases/case.js";
import { dictionaryCases } from "./wire-cases/dictionaries.js";
import { dubbingCases } from "./wire-cases/dubbing.js";
import { folderCases } from "./wire-cases/folders.js";
import { liveStreamCases } from "./wire-cases/live-streams.js";
import { projectCases } from "./wire-cases/projects.js";
import { separationCases } from "./wire-cases/separation.js";
import { speechCases } from "./wire-cases/speech.js";
import { storyCases } from "./wire-cases/stories.js";
import { subtitleCases } from "./wire-cases/subtitles.js";
import { transcriptionCases } from "./wire-cases/transcription.js";
import { translationCases } from "./wire-cases/translation.js";

const BASE = "http://camb.test/apis";
const KEY = "test-key-123";
const TRANSLATED_TEXT = "Guten Morgen";

interface Seen {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Headers;
  body: string;
}
let seen: Seen[] = [];

const server = setupServer(
  http.all(`${BASE}/*`, async ({ request }) => {
    const url = new URL(request.url);
    seen.push({
      method: request.method,
      path: url.pathname.slice("/apis".length),
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
      body: await request.text(),
    });
    const audio =
      /(tts|sound)-result\//.test(url.pathname) && url.searchParams.get("output_type") !== "file_url";
    if (url.pathname.endsWith("/tts-stream") || audio) {
      return new HttpResponse(new Uint8Array([1, 2, 3]), { headers: { "content-type": "audio/flac" } });
    }
    // The one operation that answers plain text (streamed upstream), not JSON.
    if (url.pathname.endsWith("/translation/stream")) return HttpResponse.text(TRANSLATED_TEXT);
    return HttpResponse.json({});
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  seen = [];
});
afterAll(() => server.close());

const speech = { text: "Hello there", language: "en-us", voice_id: 147320 };
const cases: Record<string, Case> = {
  streamSpeech: {
    call: (c) =>
      c.POST("/tts-stream", {
        body: { ...speech, output_configuration: { format: "wav" } },
        parseAs: "stream",
      }),
    method: "POST",
    path: "/tts-stream",
    json: { ...speech, output_configuration: { format: "wav" } },
  },
  createSpeechTask: {
    call: (c) => c.POST("/tts", { body: { text: "Hi", voice_id: 1, language: 1, gender: 2 } }),
    method: "POST",
    path: "/tts",
    json: { text: "Hi", voice_id: 1, language: 1, gender: 2 },
  },
  getSpeechTaskStatus: {
    call: (c) => c.GET("/tts/{task_id}", { params: { path: { task_id: "t/1 x" } } }),
    method: "GET",
    path: "/tts/t%2F1%20x",
  },
  getSpeechResult: {
    call: (c) =>
      c.GET("/tts-result/{run_id}", {
        params: { path: { run_id: 42 }, query: { output_type: "raw_bytes" } },
        parseAs: "stream",
      }),
    method: "GET",
    path: "/tts-result/42",
    query: { output_type: "raw_bytes" },
  },
  getSpeechResults: {
    call: (c) => c.POST("/tts-results", { body: { run_ids: [1, 2, 3] } }),
    method: "POST",
    path: "/tts-results",
    json: { run_ids: [1, 2, 3] },
  },
  createSoundTask: {
    call: (c) => c.POST("/text-to-sound", { body: { prompt: "rain", duration: 5, audio_type: "sound" } }),
    method: "POST",
    path: "/text-to-sound",
    json: { prompt: "rain", duration: 5, audio_type: "sound" },
  },
  getSoundTaskStatus: {
    call: (c) => c.GET("/text-to-sound/{task_id}", { params: { path: { task_id: "abc" } } }),
    method: "GET",
    path: "/text-to-sound/abc",
  },
  getSoundResult: {
    call: (c) =>
      c.GET("/text-to-sound-result/{run_id}", {
        params: { path: { run_id: 7 }, query: { output_type: "file_url" } },
        parseAs: "json",
      }),
    method: "GET",
    path: "/text-to-sound-result/7",
    query: { output_type: "file_url" },
  },
  getSoundResults: {
    call: (c) => c.POST("/text-to-sound-results", { body: { run_ids: [7] } }),
    method: "POST",
    path: "/text-to-sound-results",
    json: { run_ids: [7] },
  },
  createVoiceDesignTask: {
    call: (c) => c.POST("/text-to-voice", { body: { text: "Hi", voice_description: "a".repeat(100) } }),
    method: "POST",
    path: "/text-to-voice",
    json: { text: "Hi", voice_description: "a".repeat(100) },
  },
  getVoiceDesignTaskStatus: {
    call: (c) => c.GET("/text-to-voice/{task_id}", { params: { path: { task_id: "v1" } } }),
    method: "GET",
    path: "/text-to-voice/v1",
  },
  getVoiceDesignResult: {
    call: (c) => c.GET("/text-to-voice-result/{run_id}", { params: { path: { run_id: 9 } } }),
    method: "GET",
    path: "/text-to-voice-result/9",
  },
  listVoices: { call: (c) => c.GET("/list-voices"), method: "GET", path: "/list-voices" },
  createCustomVoice: {
    call: (c) =>
      c.POST("/create-custom-voice", {
        body: { voice_name: "Mine", gender: 1, file: new Blob([new Uint8Array([82, 73, 70, 70])]) },
      }),
    method: "POST",
    path: "/create-custom-voice",
  },
  listSourceLanguages: { call: (c) => c.GET("/source-languages"), method: "GET", path: "/source-languages" },
  listTargetLanguages: { call: (c) => c.GET("/target-languages"), method: "GET", path: "/target-languages" },
  ...speechCases,
  ...dubbingCases,
  ...transcriptionCases,
  ...translationCases,
  ...separationCases,
  ...storyCases,
  ...projectCases,
  ...subtitleCases,
  ...dictionaryCases,
  ...folderCases,
  ...liveStreamCases,
};

describe("wire format", () => {
  test("every operation of the spec has a case here", () => {
    const spec = parse(readFileSync(new URL("../../../openapi/camb.yaml", import.meta.url), "utf8"));
    const ids = Object.values(spec.paths as Record<string, Record<string, { operationId: string }>>).flatMap(
      (item) => Object.values(item).map((operation) => operation.operationId),
    );
    expect(Object.keys(cases).sort()).toEqual(ids.sort());
  });

  for (const [operationId, expected] of Object.entries(cases)) {
    test(`${operationId}: ${expected.method} ${expected.path}`, async () => {
      const camb = createCambClient({ apiKey: KEY, baseUrl: BASE, retry: false });
      await expected.call(camb);
      expect(seen).toHaveLength(1);
      const [request] = seen as [Seen];
      expect(request.method).toBe(expected.method);
      expect(request.path).toBe(expected.path);
      expect(request.headers.get("x-api-key")).toBe(KEY);
      expect(request.query).toEqual(expected.query ?? {});
      if (expected.json !== undefined) {
        expect(request.headers.get("content-type")).toBe("application/json");
        expect(JSON.parse(request.body)).toEqual(expected.json);
      }
    });
  }

  test("multipart upload sends each field as a form part", async () => {
    const camb = createCambClient({ apiKey: KEY, baseUrl: BASE });
    await cases.createCustomVoice?.call(camb);
    const [request] = seen as [Seen];
    expect(request.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.body).toContain('name="voice_name"\r\n\r\nMine');
    expect(request.body).toContain('name="gender"\r\n\r\n1');
    expect(request.body).toMatch(/name="file"; filename="blob"/);
  });

  test("multipart bodies encode as the API expects: arrays as repeated parts, objects as JSON text parts", async () => {
    const camb = createCambClient({ apiKey: KEY, baseUrl: BASE });
    await cases.createStoryTask?.call(camb);
    await cases.createTranscriptionTask?.call(camb);
    const [story, transcription] = seen as [Seen, Seen];
    expect(story.body.match(/name="chosen_dictionaries"\r\n\r\n(\d+)/g)).toEqual([
      'name="chosen_dictionaries"\r\n\r\n12',
      'name="chosen_dictionaries"\r\n\r\n13',
    ]);
    expect(story.body).toMatch(/name="file"; filename="fox.txt"\r\nContent-Type: text\/plain/);
    const json =
      /name="formatting_options"[^\r]*\r\n(?:Content-Type: application\/json\r\n)?\r\n([^\r]*)/.exec(
        transcription.body,
      );
    expect(JSON.parse(json?.[1] ?? "null")).toEqual({
      max_segment_duration_in_seconds: 7,
      max_characters_in_segment: 42,
    });
    expect(transcription.body).toContain('name="run_audio_cleaning"\r\n\r\ntrue');
  });

  test("the subtitles bulk call sends format_type and data_type in the query of a POST whose body is only run_ids", async () => {
    const camb = createCambClient({ apiKey: KEY, baseUrl: BASE, retry: false });
    await camb.POST("/sub-results", {
      params: { query: { format_type: "srt", data_type: "file" } },
      body: { run_ids: [3100, 3101] },
    });
    const [request] = seen as [Seen];
    expect(request.method).toBe("POST");
    expect(request.query).toEqual({ format_type: "srt", data_type: "file" });
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(request.body)).toStrictEqual({ run_ids: [3100, 3101] });
  });

  test("the streamed translation's plain-text answer is read as text, not parsed as JSON", async () => {
    const camb = createCambClient({ apiKey: KEY, baseUrl: BASE, retry: false });
    const { data, response } = await camb.POST("/translation/stream", {
      body: { text: "Good morning", source_language: "en-us", target_language: "de-de" },
      parseAs: "text",
    });
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text: string | undefined = data;
    expect(text).toBe(TRANSLATED_TEXT);
  });

  test("without an API key no x-api-key header is sent (for a backend proxy)", async () => {
    const camb = createCambClient({ apiKey: "", baseUrl: BASE });
    await camb.GET("/list-voices");
    expect(seen[0]?.headers.has("x-api-key")).toBe(false);
  });

  test("CAMB_API_KEY is the default key, and a trailing slash on baseUrl is harmless", async () => {
    process.env.CAMB_API_KEY = "from-env";
    try {
      const camb = createCambClient({ baseUrl: `${BASE}/` });
      await camb.GET("/list-voices");
      expect(seen[0]?.headers.get("x-api-key")).toBe("from-env");
      expect(seen[0]?.path).toBe("/list-voices");
    } finally {
      delete process.env.CAMB_API_KEY;
    }
  });
});
