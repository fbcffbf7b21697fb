// The client's body serializer: JSON as openapi-fetch sends it, and a body with a file part as multipart.
import { defaultBodySerializer } from "openapi-fetch";
import { formEntries, hasFileParts, isStreamedFile } from "./form-entries.js";
import { MultipartBody } from "./multipart-body.js";

/**
 * Whether this runtime sends the native FormData. Browsers do: they stream a FormData's Files from disk
 * themselves, and most cannot send a ReadableStream body at all (Chromium only over HTTP/2, Firefox and
 * Safari never). Server runtimes get the encoder: Bun's FormData holds a file in memory (2 GiB for a 1 GiB
 * file, measured), Node's (undici's) sends one at about 0.77x the speed of a bare stream, and in Deno a file
 * is a stream (its `fs.openAsBlob` reads the whole file into memory), which no FormData takes.
 * No API tells whether a runtime can stream a request body over HTTP/1.1, so the runtime is recognised by
 * what only server runtimes have: Node, Bun and Deno set `process.versions.node`, and have no `document`
 * (an Electron renderer, or a test's DOM environment, has one and is treated as a browser).
 */
function sendsNativeForm(): boolean {
  const process = (globalThis as { process?: { versions?: { node?: unknown } } }).process;
  return typeof process?.versions?.node !== "string" || typeof document !== "undefined";
}

/** Whether the call's headers ask for multipart/form-data (openapi-fetch hands the serializer them all). */
function asksForMultipart(headers: unknown): boolean {
  return (headers as Headers | undefined)?.get?.("content-type")?.startsWith("multipart/form-data") === true;
}

/**
 * openapi-fetch's `bodySerializer` for every call. A body with a file part (a Blob, File or StreamedFile) is
 * multipart/form-data, since a file cannot be JSON; so is one whose call sets `Content-Type:
 * multipart/form-data`, which a multipart operation sent without any file needs (`/transcribe` with a
 * `media_url` only): the client cannot tell it apart from a JSON call without a list of the multipart
 * operations, and the operations table is too large for the bundle. Any other body is openapi-fetch's JSON.
 */
export function serializeBody(body: unknown, headers?: unknown): unknown {
  const asked = asksForMultipart(headers);
  if (!asked && !hasFileParts(body)) {
    return (defaultBodySerializer as (body: unknown, headers?: unknown) => unknown)(body, headers);
  }
  const entries = formEntries(body as Record<string, unknown>);
  // Not with a Content-Type set by hand: it has no boundary, and a FormData's needs the runtime's own. A
  // one-shot stream cannot go in a FormData: in a browser it is sent as a stream too (Chromium, HTTP/2).
  if (!asked && sendsNativeForm() && !entries.some(([, value]) => isStreamedFile(value))) {
    const form = new FormData();
    for (const [name, value] of entries) form.append(name, value as string | Blob);
    return form;
  }
  return new MultipartBody(entries);
}
