// A command's media argument: an http(s) URL is passed on for the API to fetch; anything else is a local
// file, streamed from disk as an upload (@camb-kit/node's fileFromPath) with its progress on stderr.
import { basename } from "node:path";
import { fileFromPath } from "@camb-kit/node";
import type { Context } from "./context.js";

export type MediaInput = { kind: "url"; url: string } | { kind: "file"; file: File; path: string };

export function isUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/**
 * A local file as an upload part that streams from disk (never read into memory whole) and reports the bytes
 * handed to the request. A missing file or a folder fails here, before any request (exit 2).
 */
export function uploadFile(context: Context, path: string): Promise<File> {
  const label = `uploading ${basename(path)}`;
  return fileFromPath(path, {
    onUploadProgress: ({ sent, total }) => context.reporter.bytes(label, sent, total),
  });
}

/** `<file|url>`: a URL as is, a path as an upload. */
export async function mediaInput(context: Context, value: string): Promise<MediaInput> {
  if (isUrl(value)) return { kind: "url", url: value };
  return { kind: "file", file: await uploadFile(context, value), path: value };
}
