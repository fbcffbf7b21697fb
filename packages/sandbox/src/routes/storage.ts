// Downloads from the sandbox's pre-signed URLs, answering like S3: no key needed, 403 expired, 404 unknown.
import type { SandboxState } from "../state/store.js";
import { audio } from "./respond.js";

function s3Error(status: number, code: string, message: string): Response {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  return new Response(xml, { status, headers: { "content-type": "application/xml" } });
}

/**
 * A download from a pre-signed URL. Like S3, it needs no API key (the URL is the credential), answers 403
 * once the URL has expired, and 404 for a token it never issued.
 */
export function serveStorage(state: SandboxState, token: string): Response {
  const found = state.storage.lookup(token);
  if (found === undefined) return s3Error(404, "NoSuchKey", "The specified key does not exist.");
  if (found === "expired") return s3Error(403, "AccessDenied", "Request has expired");
  return audio(found.audio);
}
