// Type tests: what must fail to compile (wrong paths, bodies, enums, a forgotten parseAs, a wrong query value
// in the pattern the task helpers use) and the exact types the spec gives families and results.
import { describe, expectTypeOf, test } from "vitest";
import type { paths } from "../src/generated/schema.js";
import {
  type AudioTaskFamily,
  type BulkTaskFamily,
  type CambClient,
  type CreatableTaskFamily,
  type CreateTaskBody,
  createCambClient,
  createTask,
  families,
  type ResultAnswer,
  type ResultTaskFamily,
  type Schemas,
  type StatusTaskFamily,
  type TaskFamily,
} from "../src/index.js";
import type { StreamedFile } from "../src/multipart/form-entries.js";
import type { UploadPaths } from "../src/multipart/upload-types.js";
import { enums, limits, operations } from "../src/spec.js";

const camb: CambClient = createCambClient({ apiKey: "k", baseUrl: "http://127.0.0.1:1" });
declare const audioFamily: AudioTaskFamily;
declare const bulkFamily: BulkTaskFamily;
declare const anyFamily: TaskFamily;

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
    expectTypeOf<TaskFamily>().toEqualTypeOf<
      | "tts"
      | "translated-tts"
      | "text-to-sound"
      | "text-to-voice"
      | "dub"
      | "dub-alt-format"
      | "transcription"
      | "translation"
      | "audio-separation"
      | "story"
      | "story-setup"
      | "translated-story"
      | "project-setup"
      | "subtitles"
    >();
    expectTypeOf(families["text-to-sound"].status).toEqualTypeOf<"/text-to-sound/{task_id}">();
    expectTypeOf(families.tts.bulk).toEqualTypeOf<"/tts-results">();
    expectTypeOf(families["text-to-voice"].bulk).toEqualTypeOf<null>();
  });

  test("JSON result types come from the spec's result operations", () => {
    expectTypeOf<ResultAnswer<"text-to-voice">>().toEqualTypeOf<Schemas["VoiceDesignResult"]>();
    expectTypeOf<ResultAnswer<"text-to-sound">>().toEqualTypeOf<Schemas["SoundResultUrl"]>();
    expectTypeOf<ResultAnswer<"tts">>().toEqualTypeOf<Schemas["ResultUrl"]>();
  });

  test("irregular families are told apart by their table entries, not their names", () => {
    expectTypeOf(families["project-setup"].statusKind).toEqualTypeOf<"runs">();
    expectTypeOf(families["dub-alt-format"].result).toEqualTypeOf<null>();
    expectTypeOf(families["dub-alt-format"].parent).toEqualTypeOf<"dub">();
    expectTypeOf(families["translated-story"].statusParam).toEqualTypeOf<"id">();
    expectTypeOf<"project-setup">().not.toExtend<StatusTaskFamily>();
    expectTypeOf<"dub">().toExtend<StatusTaskFamily>();
    // Every family with a create operation is creatable: uploads, parent runs, creates that may finish.
    expectTypeOf<"transcription" | "dub-alt-format" | "story">().toExtend<CreatableTaskFamily>();
    expectTypeOf<"dub" | "translation" | "subtitles">().toExtend<CreatableTaskFamily>();
    expectTypeOf<"translated-story" | "dub-alt-format">().not.toExtend<ResultTaskFamily>();
  });

  test("a result operation shared by two families types both alike", () => {
    expectTypeOf(families["translated-tts"].result).toEqualTypeOf<"/tts-result/{run_id}">();
    expectTypeOf<ResultAnswer<"translated-tts">>().toEqualTypeOf<ResultAnswer<"tts">>();
    expectTypeOf<AudioTaskFamily>().toEqualTypeOf<"tts" | "translated-tts" | "text-to-sound">();
  });

  test("create bodies come from the spec", () => {
    expectTypeOf<CreateTaskBody<"text-to-sound">>().toHaveProperty("prompt").toEqualTypeOf<string>();
    expectTypeOf<CreateTaskBody<"text-to-voice">>().toHaveProperty("voice_description");
  });
});

describe("the task helpers' calls are checked against the spec", () => {
  // client/src/tasks.ts calls openapi-fetch with the union of the families' paths, as below: a wrong value
  // there fails `pnpm typecheck` the same way these lines fail here.
  test("a wrong output_type on the result paths does not compile", () => {
    const path = { path: { run_id: 1 } };
    void camb.GET(families[audioFamily].result, {
      params: { ...path, query: { output_type: "raw_bytes" } },
      parseAs: "stream",
    });
    void camb.GET(families[audioFamily].result, {
      // @ts-expect-error: "raw_byte" is not an OutputType
      params: { ...path, query: { output_type: "raw_byte" } },
      parseAs: "stream",
    });
  });

  test("a wrong bulk body or status parameter does not compile", () => {
    void camb.POST(families[bulkFamily].bulk, { body: { run_ids: [1, 2] } });
    // @ts-expect-error: the bulk body is { run_ids }
    void camb.POST(families[bulkFamily].bulk, { body: { runIds: [1, 2] } });
    // @ts-expect-error: run ids are integers
    void camb.POST(families[bulkFamily].bulk, { body: { run_ids: ["1"] } });
    // @ts-expect-error: the status path takes task_id
    void camb.GET(families[anyFamily].status, { params: { path: { taskId: "t" } } });
  });

  test("createTask takes the named family's own create body", () => {
    void createTask(camb, "text-to-sound", { prompt: "rain" });
    // @ts-expect-error: text-to-sound's body has a prompt, not a text
    void createTask(camb, "text-to-sound", { text: "rain" });
  });
});

describe("the spec entry's facts are literal types", () => {
  test("operations, enums and limits", () => {
    expectTypeOf(operations.listVoices.path).toEqualTypeOf<"/list-voices">();
    expectTypeOf(operations.streamSpeech.method).toEqualTypeOf<"POST">();
    expectTypeOf(enums.SoundType).toEqualTypeOf<readonly ["sound", "music"]>();
    expectTypeOf(limits.CreateSoundTaskRequest.duration.maximum).toEqualTypeOf<10>();
    // @ts-expect-error: no such operation
    void operations.listVoicez;
  });
});

describe("multipart bodies are typed from the spec", () => {
  const file = new File([new Uint8Array(4)], "voice.wav", { type: "audio/wav" });

  test("a Blob or File is the file part, with no bodySerializer; arrays and objects as the schema says", () => {
    void camb.POST("/create-custom-voice", { body: { voice_name: "Mine", gender: 1, file } });
    void camb.POST("/story", { body: { file, source_language: 1, chosen_dictionaries: [3, 5] } });
    const formatting_options = { max_characters_in_segment: 42 };
    void camb.POST("/transcribe", { body: { language: "en-us", media_file: file, formatting_options } });
  });

  test("a missing required part, a string for the file, or a wrong item or JSON field does not compile", () => {
    // @ts-expect-error: file is required
    void camb.POST("/create-custom-voice", { body: { voice_name: "Mine", gender: 1 } });
    // @ts-expect-error: a file part takes the file, not its path
    void camb.POST("/create-custom-voice", { body: { voice_name: "Mine", gender: 1, file: "voice.wav" } });
    // @ts-expect-error: chosen_dictionaries are integers (one part each)
    void camb.POST("/story", { body: { file, source_language: 1, chosen_dictionaries: ["3"] } });
    const formatting_options = { max_characters_in_segment: "42" };
    // @ts-expect-error: the JSON part's fields are typed too
    void camb.POST("/transcribe", { body: { language: "en-us", media_file: file, formatting_options } });
  });

  test("UploadPaths widens file parts to take a StreamedFile and leaves every other property alone", () => {
    type Form<Path extends keyof paths> = UploadPaths<paths>[Path] extends {
      post: { requestBody: { content: { "multipart/form-data": infer Body } } };
    }
      ? Body
      : never;
    expectTypeOf<Form<"/create-custom-voice">["file"]>().toEqualTypeOf<Blob | StreamedFile>();
    expectTypeOf<Form<"/transcribe">["media_file"]>().toEqualTypeOf<Blob | StreamedFile | undefined>();
    expectTypeOf<Form<"/create-custom-voice">["voice_name"]>().toEqualTypeOf<string>();
    expectTypeOf<Form<"/story">["chosen_dictionaries"]>().toEqualTypeOf<number[] | undefined>();
    type Speech = UploadPaths<paths>["/tts-stream"]["post"]["requestBody"]["content"]["application/json"];
    expectTypeOf<Speech["text"]>().toEqualTypeOf<string>();
  });
});
