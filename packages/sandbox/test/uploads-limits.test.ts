// Multipart bodies read as web streams: the size, part and boundary limits, refused as FastAPI refuses them.
import { describe, expect, test } from "vitest";
import { validateRequest } from "../src/openapi/validate.js";
import { DEFAULT_UPLOAD_LIMITS, resolveUploadLimits } from "../src/uploads/limits.js";
import { multipartBody, type Part } from "./helpers/multipart.js";
import { FORM, file, MIB, post, settings } from "./helpers/upload-units.js";

describe("limits", () => {
  test("the defaults are 2 GiB a body, 1 MiB a text part, a 256 KiB head and 1000 parts; bad limits throw", () => {
    expect(resolveUploadLimits()).toEqual(DEFAULT_UPLOAD_LIMITS);
    expect(DEFAULT_UPLOAD_LIMITS).toEqual({
      maxBytes: 2 ** 31,
      maxTextPartBytes: MIB,
      headBytes: 256 * 1024,
      maxParts: 1000,
    });
    expect(() => resolveUploadLimits({ maxBytes: 0 })).toThrow(RangeError);
    expect(() => resolveUploadLimits({ headBytes: 1.5 })).toThrow(
      /uploads.headBytes must be an integer >= 0/,
    );
  });

  test("a body growing past maxBytes is refused with 413 at that chunk, while the rest is still arriving", async () => {
    const { request, count, length } = post([{ name: "count", value: "1" }, file(64 * MIB)]);
    const result = await validateRequest(FORM, request, {}, settings({ maxBytes: 4 * MIB }));
    expect(!result.ok && result.refusal).toEqual({
      status: 413,
      detail: "Request body too large: the limit is 4194304 bytes",
    });
    expect(count.bytes).toBeLessThanOrEqual(4 * MIB + 2 * MIB);
    expect(count.bytes).toBeLessThan(length);
  });

  test("a declared Content-Length over maxBytes is refused without waiting for a byte of the body", async () => {
    const silent = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}) });
    const request = new Request("https://client.camb.ai/apis/upload", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=b", "content-length": String(MIB + 1) },
      body: silent,
      duplex: "half",
    } as RequestInit & { duplex: "half" });
    const result = await validateRequest(FORM, request, {}, settings({ maxBytes: MIB }));
    expect(!result.ok && result.refusal?.status).toBe(413);
  });

  test("a text part over maxTextPartBytes is a 413 naming it", async () => {
    const { request } = post([{ name: "title", value: "x".repeat(2000) }, file(1)]);
    const result = await validateRequest(FORM, request, {}, settings({ maxTextPartBytes: 1000 }));
    expect(!result.ok && result.refusal).toEqual({
      status: 413,
      detail: 'The text part "title" is too large: the limit is 1000 bytes',
    });
  });

  test.each([
    [
      "no closing boundary",
      (body: string) => body.replace(/--camb-kit-test-boundary--\r\n$/, ""),
      "the body ended before the closing boundary",
    ],
    [
      "a part without a name",
      (body: string) => body.replace('form-data; name="count"', "form-data"),
      "a part has no name in its Content-Disposition",
    ],
  ])("malformed multipart (%s) is FastAPI's 400", async (_, damage, reason) => {
    const body = multipartBody([{ name: "count", value: "1" }, file(10)]);
    const text = new TextDecoder().decode(new Uint8Array(await new Response(body.stream()).arrayBuffer()));
    const request = new Request("https://client.camb.ai/apis/upload", {
      method: "POST",
      headers: { "content-type": body.contentType },
      body: damage(text),
    });
    const result = await validateRequest(FORM, request, {}, settings());
    expect(!result.ok && result.refusal).toEqual({
      status: 400,
      detail: `There was an error parsing the body: ${reason}`,
    });
  });

  test("a multipart Content-Type without a boundary is FastAPI's 400", async () => {
    const request = new Request("https://client.camb.ai/apis/upload", {
      method: "POST",
      headers: { "content-type": "multipart/form-data" },
      body: "count=1",
    });
    const result = await validateRequest(FORM, request, {}, settings());
    expect(!result.ok && result.refusal?.status).toBe(400);
  });

  test("more parts than maxParts is a 400", async () => {
    const parts: Part[] = Array.from({ length: 12 }, () => ({ name: "ids", value: "1" }));
    const { request } = post([...parts, file(1)]);
    const result = await validateRequest(FORM, request, {}, settings({ maxParts: 10 }));
    expect(!result.ok && result.refusal).toEqual({
      status: 400,
      detail: "There was an error parsing the body: more than 10 parts",
    });
  });
});
