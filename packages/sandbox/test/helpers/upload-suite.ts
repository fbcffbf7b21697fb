// Shared test body for uploads, run over real HTTP and through msw: streamed file parts, refused bodies.
import { afterEach, describe, expect, test } from "vitest";
import { call, type Harness, jsonOf, KEY, type Started } from "./harness.js";
import { type LazyBody, multipartBody } from "./multipart.js";

const MIB = 1024 ** 2;

export const voiceUpload = (bytes: number, name = "Streamed clone") =>
  multipartBody([
    { name: "voice_name", value: name },
    { name: "gender", value: "2" },
    { name: "file", filename: "reference.wav", type: "audio/wav", bytes },
  ]);

/** POSTs a lazy body as a stream (chunked: fetch sends a stream body without a Content-Length). */
export function sendStream(base: string, body: LazyBody, headers: Record<string, string> = {}) {
  return fetch(`${base}/create-custom-voice`, {
    method: "POST",
    headers: { "x-api-key": KEY, "content-type": body.contentType, ...headers },
    body: body.stream(),
    duplex: "half",
  } as RequestInit & { duplex: "half" });
}

export function uploadSuite(harness: Harness): void {
  describe(`uploads, ${harness.name}`, () => {
    let sb: Started;
    afterEach(() => sb?.stop());

    test("a 64 MiB file part sent as a stream, in chunks, creates the voice it then lists", async () => {
      sb = await harness.start();
      const response = await sendStream(sb.base, voiceUpload(64 * MIB));
      expect(response.status).toBe(200);
      const { voice_id } = await jsonOf<{ voice_id: number }>(response);
      const voices = await jsonOf<{ id: number; voice_name: string }[]>(await call(sb.base, "/list-voices"));
      expect(voices.find((v) => v.id === voice_id)).toMatchObject({ voice_name: "Streamed clone" });
    });

    test("a JSON body sent to a multipart operation has no parts: each required one is a 422", async () => {
      sb = await harness.start();
      const response = await call(sb.base, "/create-custom-voice", { body: { voice_name: "x", gender: 1 } });
      expect(response.status).toBe(422);
      const { detail } = await jsonOf<{ detail: { loc: unknown[] }[] }>(response);
      expect(detail.map((d) => d.loc)).toEqual([
        ["body", "voice_name"],
        ["body", "gender"],
        ["body", "file"],
      ]);
    });

    test("a body over uploads.maxBytes is 413 with FastAPI's {detail}, and the sandbox serves on", async () => {
      sb = await harness.start({ uploads: { maxBytes: 4 * MIB } });
      const response = await sendStream(sb.base, voiceUpload(16 * MIB));
      expect(response.status).toBe(413);
      expect(await jsonOf(response)).toEqual({
        detail: "Request body too large: the limit is 4194304 bytes",
      });
      expect((await call(sb.base, "/list-voices")).status).toBe(200);
    });

    test("malformed multipart is 400 with FastAPI's {detail}", async () => {
      sb = await harness.start();
      const response = await fetch(`${sb.base}/create-custom-voice`, {
        method: "POST",
        headers: { "x-api-key": KEY, "content-type": "multipart/form-data; boundary=xyz" },
        body: '--xyz\r\nContent-Disposition: form-data; name="voice_name"\r\n\r\nno end',
      });
      expect(response.status).toBe(400);
      expect(await jsonOf(response)).toEqual({
        detail: "There was an error parsing the body: the body ended before the closing boundary",
      });
    });
  });
}
