// The pieces the upload unit tests share: a form schema with every kind of part, a counted request body,
// file parts and limits.
import type { OperationSchemas } from "@camb-kit/client/spec";
import { resolveUploadLimits, type UploadLimits } from "../../src/uploads/limits.js";
import type { UploadSettings } from "../../src/uploads/types.js";
import { multipartBody, type Part } from "./multipart.js";

export const MIB = 1024 * 1024;

/** A form schema exercising every kind of part (the spec's own multipart operations use the same shapes). */
export const FORM: OperationSchemas = {
  parameters: [],
  body: {
    required: true,
    contentType: "multipart/form-data",
    schema: {
      type: "object",
      required: ["count", "media"],
      properties: {
        count: { type: "integer", minimum: 1 },
        ratio: { type: "number" },
        loud: { type: "boolean" },
        ids: { type: "array", minItems: 1, items: { type: "integer" } },
        options: { allOf: [{ type: "object", properties: { lines: { type: "integer" } } }] },
        title: { type: "string" },
        media: { type: "string", format: "binary" },
      },
    },
  },
  responses: {},
};

/** A source that counts what has been pulled from it, so a test sees how far the reader got. */
export function counted(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const count = { bytes: 0, done: false };
  const source = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await reader.read();
        if (next.done) {
          count.done = true;
          controller.close();
        } else {
          count.bytes += next.value.length;
          controller.enqueue(next.value);
        }
      },
    },
    { highWaterMark: 0 },
  );
  return { source, count };
}

export function post(parts: Part[], headers: Record<string, string> = {}) {
  const body = multipartBody(parts);
  const { source, count } = counted(body.stream());
  const request = new Request("https://client.camb.ai/apis/upload", {
    method: "POST",
    headers: { "content-type": body.contentType, ...headers },
    body: source,
    duplex: "half",
  } as RequestInit & { duplex: "half" });
  return { request, count, length: body.length };
}

export const file = (bytes: number, name = "media"): Part => ({
  name,
  filename: "clip.wav",
  type: "audio/wav",
  bytes,
});
export const settings = (limits: Partial<UploadLimits> = {}, rest: Omit<UploadSettings, "limits"> = {}) => ({
  limits: resolveUploadLimits(limits),
  ...rest,
});
/**
 * A few turns of the event loop: in-process streams move on promises alone, so by then whatever can happen
 * without the test's next step has happened (an explicit wait for quiet, not a timed sleep).
 */
export async function settled(): Promise<void> {
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
}
