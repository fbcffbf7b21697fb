import { describe, expectTypeOf, test } from "vitest";
import {
  type CambClient,
  type CreateTaskBody,
  createCambClient,
  families,
  type ResultJson,
  type Schemas,
  type TaskFamily,
} from "../src/index.js";

const camb: CambClient = createCambClient({ apiKey: "k", baseUrl: "http://127.0.0.1:1" });

describe("paths, bodies and enums are checked", () => {
  test("a wrong path does not compile", () => {
    // @ts-expect-error: no such path in the spec
    void camb.GET("/no-such-path");
    // @ts-expect-error: /tts-stream is POST only
    void camb.GET("/tts-stream", { parseAs: "stream" });
  });

  test("a missing required body field does not compile", () => {
    // @ts-expect-error: prompt is required
    void camb.POST("/text-to-sound", { body: { duration: 3 } });
    void camb.POST("/text-to-sound", { body: { prompt: "rain", duration: 3 } });
  });

  test("a wrong enum value does not compile", () => {
    // @ts-expect-error: "music2" is not a SoundType
    void camb.POST("/text-to-sound", { body: { prompt: "rain", audio_type: "music2" } });
    const body = { text: "hello", voice_id: 1, language: 1, gender: 3 } as const;
    // @ts-expect-error: gender is 0, 1, 2 or 9
    void camb.POST("/tts", { body });
    void camb.POST("/tts-stream", {
      // @ts-expect-error: "ogg" is not an output format
      body: { text: "hello", voice_id: 1, language: "en-us", output_configuration: { format: "ogg" } },
      parseAs: "stream",
    });
  });
});

describe("binary endpoints", () => {
  test("forgetting parseAs on an audio endpoint does not compile", () => {
    const body = { text: "hello there", voice_id: 1, language: "en-us" };
    // @ts-expect-error: parseAs is required on /tts-stream
    void camb.POST("/tts-stream", { body });
    // @ts-expect-error: parseAs is required on a result endpoint
    void camb.GET("/tts-result/{run_id}", { params: { path: { run_id: 1 } } });
  });

  test("parseAs: 'stream' gives a ReadableStream", async () => {
    const body = { text: "hello there", voice_id: 1, language: "en-us" };
    const { data } = await camb.POST("/tts-stream", { body, parseAs: "stream" });
    expectTypeOf(data).toEqualTypeOf<Response["body"] | undefined>();
  });

  test("JSON endpoints keep openapi-fetch's optional init and typed data", async () => {
    const { data } = await camb.GET("/list-voices");
    expectTypeOf(data).toExtend<{ id: number; voice_name: string }[] | undefined>();
  });
});

describe("families", () => {
  test("keys and paths are exact literal types", () => {
    expectTypeOf<TaskFamily>().toEqualTypeOf<"tts" | "text-to-sound" | "text-to-voice">();
    expectTypeOf(families["text-to-sound"].status).toEqualTypeOf<"/text-to-sound/{task_id}">();
    expectTypeOf(families.tts.bulk).toEqualTypeOf<"/tts-results">();
    expectTypeOf(families["text-to-voice"].bulk).toEqualTypeOf<null>();
  });

  test("JSON result types come from the spec's result operations", () => {
    expectTypeOf<ResultJson<"text-to-voice">>().toEqualTypeOf<Schemas["VoiceDesignResult"]>();
    expectTypeOf<ResultJson<"text-to-sound">>().toEqualTypeOf<Schemas["SoundResultUrl"]>();
    expectTypeOf<ResultJson<"tts">>().toEqualTypeOf<Schemas["ResultUrl"]>();
  });

  test("create bodies come from the spec", () => {
    expectTypeOf<CreateTaskBody<"text-to-sound">>().toHaveProperty("prompt").toEqualTypeOf<string>();
    expectTypeOf<CreateTaskBody<"text-to-voice">>().toHaveProperty("voice_description");
  });
});
