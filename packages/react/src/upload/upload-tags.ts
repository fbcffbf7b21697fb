// The slot through which useCreateAndWait tags its uploads: filled by createUploadFetch, so an app that never
// calls it never pays for the tagging code.
import type { CambClient } from "@camb-kit/client";

/** Bytes of an upload handed to the network so far, and its size when known. */
export interface UploadProgress {
  sent: number;
  total: number | undefined;
}

export type UploadListener = (progress: UploadProgress) => void;

/** A client whose uploads report to `listener`, and `release` to forget the listener. */
export type UploadTagger = (
  client: CambClient,
  body: unknown,
  listener: UploadListener,
) => { client: CambClient; release: () => void };

let tagger: UploadTagger | undefined;

export function installUploadTagger(installed: UploadTagger): void {
  tagger = installed;
}

/**
 * A view of `client` that tags the uploads of `body` for `listener`, or `client` itself when no
 * `createUploadFetch` exists in this page: an untagged request stays a simple one (a custom header would cost
 * a cross-origin app a CORS preflight).
 */
export const tagUploads: UploadTagger = (client, body, listener) =>
  tagger ? tagger(client, body, listener) : { client, release: () => {} };
