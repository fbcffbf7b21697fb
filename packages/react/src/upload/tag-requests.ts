// How an upload's requests reach the upload fetch's progress events: a header naming a listener, removed there.
import type { UploadListener, UploadTagger } from "./upload-tags.js";

/** Names the listener of an upload; `createUploadFetch` takes it off before the request leaves. */
export const UPLOAD_HEADER = "x-camb-kit-upload";

const listeners = new Map<string, UploadListener>();
let next = 0;

export function listenerOf(id: string): UploadListener | undefined {
  return listeners.get(id);
}

/** True when `body` holds a file part (a Blob or File at its top level, as the spec's forms do). */
function hasFile(body: unknown): boolean {
  return (
    typeof body === "object" && body !== null && Object.values(body).some((value) => value instanceof Blob)
  );
}

/** The tagger `createUploadFetch` installs: POSTs of a body with a file carry the listener's id. */
export const tagRequests: UploadTagger = (client, body, listener) => {
  if (!hasFile(body)) return { client, release: () => {} };
  const id = String(next++);
  listeners.set(id, listener);
  // createTask hands over its headers as a plain object (or none).
  type Post = (path: string, init?: { headers?: Record<string, unknown> }) => unknown;
  const post = client.POST as unknown as Post;
  const POST: Post = (path, init) =>
    post(path, { ...init, headers: { ...init?.headers, [UPLOAD_HEADER]: id } });
  // The client's calls are closures that never read `this`: a view that overrides POST alone is enough.
  return { client: Object.create(client, { POST: { value: POST } }), release: () => listeners.delete(id) };
};
