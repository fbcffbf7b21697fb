// The sandbox's answer builders: JSON, FastAPI's `detail` and 422 bodies, and streamed audio.
import type { RenderedAudio } from "../audio/render.js";
import type { ValidationIssue } from "../openapi/fastapi-errors.js";

/** A JSON answer, as the API sends them. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** FastAPI's `{ detail }` error body (401, 400 and 404 in the spec). */
export function detail(status: number, message: string, headers: Record<string, string> = {}): Response {
  return json({ detail: message }, status, headers);
}

/** FastAPI's 422 `HTTPValidationError`. */
export function validationFailed(issues: ValidationIssue[]): Response {
  return json({ detail: issues }, 422);
}

/** An audio body, streamed; with Content-Length when `chunked` is false and the length is known. */
export function audio(
  rendered: RenderedAudio,
  extra: Record<string, string> = {},
  chunked = false,
): Response {
  const headers: Record<string, string> = { "content-type": rendered.contentType, ...extra };
  if (!chunked && rendered.byteLength !== undefined) headers["content-length"] = String(rendered.byteLength);
  return new Response(rendered.stream(), { status: 200, headers });
}
