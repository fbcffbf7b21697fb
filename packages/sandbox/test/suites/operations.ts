// Shared test body: /tts-stream, voices, languages, auth and unknown paths, run over either transport.
import { families, operations } from "@camb-kit/client/spec";
import { afterEach, describe, expect, test } from "vitest";
import { call, type Harness, jsonOf, type Started } from "../helpers/harness.js";

const SPEECH = { text: "Streaming hello from the sandbox.", language: "en-us", voice_id: 147320 };

function uploadForm(parts: { file?: Blob | string; voice_name?: string; gender?: string }): FormData {
  const form = new FormData();
  if (parts.voice_name !== undefined) form.append("voice_name", parts.voice_name);
  if (parts.gender !== undefined) form.append("gender", parts.gender);
  if (parts.file instanceof Blob) form.append("file", parts.file, "reference.wav");
  else if (parts.file !== undefined) form.append("file", parts.file);
  return form;
}

/** Every operation outside the task families, plus auth and unknown paths. */
export function operationSuite(harness: Harness): void {
  describe(`operations, ${harness.name}`, () => {
    let sb: Started;
    const start = async (options = {}) => {
      sb = await harness.start(options);
      return sb;
    };
    afterEach(() => sb?.stop());

    test("/tts-stream streams chunked audio in the requested format with X-Credits-Required", async () => {
      const { base } = await start();
      const expected: Record<string, string> = {
        wav: "audio/wav",
        flac: "audio/flac",
        mp3: "audio/mpeg",
        pcm_s16le: "application/octet-stream",
      };
      for (const [format, type] of Object.entries(expected)) {
        const response = await call(base, "/tts-stream", {
          body: { ...SPEECH, output_configuration: { format } },
        });
        expect(response.status, format).toBe(200);
        expect(response.headers.get("content-type")).toBe(type);
        expect(response.headers.get("x-credits-required")).toBe(String(SPEECH.text.length));
        expect(response.headers.get("content-length")).toBeNull();
        expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
      }
      // The spec's default format is mp3.
      expect((await call(base, "/tts-stream", { body: SPEECH })).headers.get("content-type")).toBe(
        "audio/mpeg",
      );
    });

    test("/tts-stream bad input: 422 naming the field (adts is a documented 422)", async () => {
      const { base } = await start();
      const bad: [unknown, (string | number)[]][] = [
        [{ ...SPEECH, language: "EN-US" }, ["body", "language"]],
        [{ text: "hello", language: "en-us" }, ["body", "voice_id"]],
        [{ ...SPEECH, text: "hi" }, ["body", "text"]],
        [{ ...SPEECH, output_configuration: { format: "ogg" } }, ["body", "output_configuration", "format"]],
        [{ ...SPEECH, output_configuration: { format: "adts" } }, ["body", "output_configuration", "format"]],
        [{ ...SPEECH, inference_options: { temperature: 9 } }, ["body", "inference_options", "temperature"]],
      ];
      for (const [body, loc] of bad) {
        const response = await call(base, "/tts-stream", { body });
        expect(response.status).toBe(422);
        expect(
          (await jsonOf<{ detail: { loc: unknown[] }[] }>(response)).detail.map((d) => d.loc),
        ).toContainEqual(loc);
      }
    });

    test("/list-voices, and /create-custom-voice adds a voice it then lists", async () => {
      const { base } = await start();
      const before = await jsonOf<{ id: number; voice_name: string }[]>(await call(base, "/list-voices"));
      expect(before.length).toBeGreaterThanOrEqual(3);
      for (const voice of before)
        expect(typeof voice.id === "number" && typeof voice.voice_name === "string").toBe(true);
      const reference = new Blob([new Uint8Array(2048).fill(7)], { type: "audio/wav" });
      const created = await call(base, "/create-custom-voice", {
        body: uploadForm({ voice_name: "My clone", gender: "2", file: reference }),
      });
      expect(created.status).toBe(200);
      const { voice_id } = await jsonOf<{ voice_id: number }>(created);
      const after = await jsonOf<{ id: number; voice_name: string; gender: number }[]>(
        await call(base, "/list-voices"),
      );
      expect(after.find((v) => v.id === voice_id)).toMatchObject({ voice_name: "My clone", gender: 2 });
    });

    test("/create-custom-voice bad input: missing parts, a text instead of a file, a bad gender", async () => {
      const { base } = await start();
      const file = new Blob([new Uint8Array(16)], { type: "audio/wav" });
      const cases: [FormData, (string | number)[]][] = [
        [uploadForm({ voice_name: "x", gender: "1" }), ["body", "file"]],
        [uploadForm({ gender: "1", file }), ["body", "voice_name"]],
        [uploadForm({ voice_name: "x", gender: "5", file }), ["body", "gender"]],
        [uploadForm({ voice_name: "x", gender: "1", file: "not a file" }), ["body", "file"]],
      ];
      for (const [form, loc] of cases) {
        const response = await call(base, "/create-custom-voice", { body: form });
        expect(response.status).toBe(422);
        expect(
          (await jsonOf<{ detail: { loc: unknown[] }[] }>(response)).detail.map((d) => d.loc),
        ).toContainEqual(loc);
      }
      expect((await jsonOf<unknown[]>(await call(base, "/list-voices"))).length).toBe(5);
    });

    test("/source-languages and /target-languages: the numeric id table", async () => {
      const { base } = await start();
      for (const path of ["/source-languages", "/target-languages"]) {
        const languages = await jsonOf<{ id: number; language: string; short_name: string }[]>(
          await call(base, path),
        );
        expect(languages.length).toBe(149);
        expect(languages[0]).toEqual({ id: 1, language: "English (United States)", short_name: "en-us" });
        expect(languages.find((l) => l.id === 54)?.short_name).toBe("es-es");
        expect(languages.some((l) => l.id === 137)).toBe(false);
      }
    });

    test("every operation answers 401 {detail} without a key; apiKeys restricts the keys", async () => {
      const { base } = await start({ apiKeys: ["good"] });
      for (const { method, path } of Object.values(operations)) {
        const url = `${base}${path.replace("{task_id}", "t").replace("{run_id}", "1")}`;
        const response = await fetch(url, { method });
        expect(response.status, `${method} ${path}`).toBe(401);
        expect(await jsonOf(response)).toEqual({ detail: expect.any(String) });
      }
      expect((await call(base, "/list-voices", { key: "wrong" })).status).toBe(401);
      expect((await call(base, "/list-voices", { key: "good" })).status).toBe(200);
    });

    test("unknown paths are 404, known paths with another method 405; every request is recorded", async () => {
      const { base, requests } = await start();
      expect((await call(base, "/no-such-endpoint")).status).toBe(404);
      expect((await call(base, families.tts.create)).status).toBe(405); // GET on a POST-only path
      expect(requests.map((r) => [r.method, r.path.replace(/^\/apis/, "")])).toEqual([
        ["GET", "/no-such-endpoint"],
        ["GET", "/tts"],
      ]);
      expect(requests[0]?.headers["x-api-key"]).toBe("test-key");
    });
  });
}
