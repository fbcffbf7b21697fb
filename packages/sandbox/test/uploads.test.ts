// Multipart bodies read as web streams (the runtime msw hands handlers): coercion, file parts, analysers.

import { operationSchemas } from "@camb-kit/client/spec";
import { describe, expect, test } from "vitest";
import { validateRequest } from "../src/openapi/validate.js";
import type { FileAnalyser } from "../src/uploads/types.js";
import { UnreadableUpload } from "../src/uploads/unreadable.js";
import { FORM, file, MIB, post, settings, settled } from "./helpers/upload-units.js";

describe("multipart fields", () => {
  test("text parts are coerced to their schema, repeated parts become arrays, object parts are JSON", async () => {
    const { request } = post([
      { name: "count", value: "3" },
      { name: "ratio", value: "0.5" },
      { name: "loud", value: "true" },
      { name: "ids", value: "7" },
      { name: "ids", value: "8" },
      { name: "options", value: '{"lines": 2}' },
      { name: "title", value: "Ünïcode title" },
      file(10),
    ]);
    const result = await validateRequest(FORM, request, {}, settings());
    expect(result).toMatchObject({
      ok: true,
      input: {
        body: {
          count: 3,
          ratio: 0.5,
          loud: true,
          ids: [7, 8],
          options: { lines: 2 },
          title: "Ünïcode title",
          media: "clip.wav",
        },
      },
    });
  });

  test("jsonParts (the spec's encoding) decides which parts are JSON; bad JSON is a 422 naming the part", async () => {
    const { request } = post([{ name: "count", value: "1" }, { name: "title", value: "{oops" }, file(1)]);
    const result = await validateRequest(FORM, request, {}, settings({}, { jsonParts: ["title"] }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toEqual([
      { loc: ["body", "title"], msg: expect.stringMatching(/^Invalid JSON: /), type: "json_invalid" },
    ]);
  });

  test("every missing required part is a 422 naming it, like FastAPI, and an empty text counts as absent", async () => {
    const schemas = operationSchemas.createCustomVoice;
    const { request } = post([{ name: "voice_name", value: "" }]);
    const result = await validateRequest(schemas, request, {});
    const locs = !result.ok ? result.issues.map((issue) => [issue.loc, issue.type]) : [];
    expect(locs).toEqual(
      expect.arrayContaining([
        [["body", "voice_name"], "missing"],
        [["body", "gender"], "missing"],
        [["body", "file"], "missing"],
      ]),
    );
  });

  test("a text where a file belongs, and a file where text belongs, are 422s naming the part", async () => {
    const { request } = post([
      { name: "count", value: "2" },
      { name: "media", value: "not a file" },
      { name: "title", filename: "title.txt", type: "text/plain", bytes: 4 },
    ]);
    const result = await validateRequest(FORM, request, {}, settings());
    expect(!result.ok && result.issues).toEqual([
      { loc: ["body", "media"], msg: "Expected UploadFile, received: <class 'str'>", type: "value_error" },
      { loc: ["body", "title"], msg: "Input should be a valid string", type: "string_type" },
    ]);
  });

  test("parts the schema does not declare are ignored, files and text alike, as FastAPI ignores them", async () => {
    const { request } = post([
      { name: "count", value: "1" },
      { name: "extra", value: "ignored" },
      { name: "attachment", filename: "notes.txt", type: "text/plain", bytes: 10 },
      file(10),
    ]);
    const result = await validateRequest(FORM, request, {}, settings());
    expect(result.ok && result.input.body).toEqual({ count: 1, media: "clip.wav" });
    expect(result.ok && Object.keys(result.input.files)).toEqual(["media"]);
  });

  test("an empty text where a file belongs is absent, so the 422 says the file is required", async () => {
    const { request } = post([
      { name: "count", value: "1" },
      { name: "media", value: "" },
    ]);
    const result = await validateRequest(FORM, request, {}, settings());
    expect(!result.ok && result.issues).toEqual([
      { loc: ["body", "media"], msg: "Field required", type: "missing" },
    ]);
  });

  test("a body that is not multipart has no parts: every required one is reported missing", async () => {
    const request = new Request("https://client.camb.ai/apis/upload", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ count: 1 }),
    });
    const result = await validateRequest(FORM, request, {}, settings());
    expect(!result.ok && result.issues.map((issue) => issue.loc)).toEqual([
      ["body", "count"],
      ["body", "media"],
    ]);
  });
});

describe("file parts", () => {
  test("a file part is its name, type, size and first bytes; the rest of its content is not kept", async () => {
    const head = new TextEncoder().encode("RIFF....WAVEfmt ");
    const { request } = post([
      { name: "count", value: "1" },
      { name: "media", filename: "take 1.wav", type: "audio/wav", bytes: 3 * MIB + 5, head },
    ]);
    const result = await validateRequest(FORM, request, {}, settings({ headBytes: 1000 }));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const media = result.input.files.media;
    expect(media).toMatchObject({ field: "media", name: "take 1.wav", type: "audio/wav", size: 3 * MIB + 5 });
    expect(media?.head.length).toBe(1000);
    expect(new TextDecoder().decode(media?.head.subarray(0, head.length))).toBe("RIFF....WAVEfmt ");
    expect(media?.analysis).toBeUndefined();
  });

  test("an analyser reads the part as it arrives, and the body is read no faster than the analyser", async () => {
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const analyser: FileAnalyser = async (stream, part) => {
      const reader = stream.getReader();
      let bytes = 0;
      for (let first = true; ; first = false) {
        if (!first) await gate;
        const { done, value } = await reader.read();
        if (done) return { field: part.field, bytes };
        bytes += value.length;
      }
    };
    const { request, count } = post([{ name: "count", value: "1" }, file(64 * MIB)]);
    const validating = validateRequest(FORM, request, {}, settings({}, { analysers: { media: analyser } }));
    await settled();
    // Held back by the gate: the analyser's queue (1 MiB) and a chunk or two in flight, not the 64 MiB.
    expect(count.bytes).toBeLessThan(4 * MIB);
    open();
    const result = await validating;
    expect(count.done).toBe(true);
    expect(result.ok && result.input.files.media?.analysis).toEqual({
      ok: true,
      value: { field: "media", bytes: 64 * MIB },
    });
  });

  test("an analyser that stops early does not hold the upload, and what it threw is its analysis", async () => {
    const early: FileAnalyser = async (stream) => {
      await stream.getReader().read();
      throw new Error("seen enough");
    };
    const { request, count } = post([{ name: "count", value: "1" }, file(16 * MIB)]);
    const result = await validateRequest(FORM, request, {}, settings({}, { analysers: { media: early } }));
    expect(count.done).toBe(true);
    expect(result.ok && result.input.files.media).toMatchObject({
      size: 16 * MIB,
      analysis: { ok: false, error: new Error("seen enough") },
    });
  });

  test("an analyser's UnreadableUpload is a 422 naming the part with its message", async () => {
    const picky: FileAnalyser = async () => {
      throw new UnreadableUpload("The file is not a WAV file");
    };
    const { request } = post([{ name: "count", value: "1" }, file(100)]);
    const result = await validateRequest(FORM, request, {}, settings({}, { analysers: { media: picky } }));
    expect(!result.ok && result.issues).toEqual([
      { loc: ["body", "media"], msg: "The file is not a WAV file", type: "value_error" },
    ]);
  });
});
