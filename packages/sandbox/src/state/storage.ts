// The sandbox's object store behind pre-signed-style URLs: tokens, expiry, and audio rendered on download.
import type { RenderedAudio } from "../audio/render.js";

/** The sandbox's stand-in for an object store behind pre-signed URLs. Not part of the API, so a constant. */
export const STORAGE_PREFIX = "/_storage";

export interface StoredObject {
  audio: RenderedAudio;
  expiresAt: number;
}

/** Pre-signed-style objects: a token in the URL, an expiry, and audio rendered lazily on download. */
export class ObjectStore {
  private readonly objects = new Map<string, StoredObject>();

  constructor(
    private readonly origin: string,
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly token: () => string,
  ) {}

  /** Stores `audio` and returns its URL on the sandbox's own origin, like an S3 pre-signed URL. */
  publish(audio: RenderedAudio, filename: string): string {
    const token = this.token();
    const expiresAt = this.now() + this.ttlMs;
    this.objects.set(token, { audio, expiresAt });
    const seconds = Math.round(this.ttlMs / 1000);
    return `${this.origin}${STORAGE_PREFIX}/${token}/${encodeURIComponent(filename)}?X-Amz-Expires=${seconds}&X-Amz-Signature=${token.slice(0, 16)}`;
  }

  lookup(token: string): StoredObject | "expired" | undefined {
    const found = this.objects.get(token);
    if (!found) return undefined;
    if (this.now() >= found.expiresAt) return "expired";
    return found;
  }

  clear(): void {
    this.objects.clear();
  }
}
