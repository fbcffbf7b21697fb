// Reads a Content-Type against the spec's media table: the one place that normalises media types, names a
// file's extension and tells bytes from text, for every helper that saves, relays or checks a body.
import { type MediaType, mediaTypes } from "../generated/media.js";

// Other names servers and object stores use for the spec's types; compared after lower-casing.
const ALIASES: Record<string, MediaType> = {
  "audio/x-flac": "audio/flac",
  "audio/x-wav": "audio/wav",
  "audio/wave": "audio/wav",
  "audio/vnd.wave": "audio/wav",
  "audio/mp3": "audio/mpeg",
  "audio/x-aac": "audio/aac",
};

/** `"Audio/X-WAV; codecs=1"` -> `"audio/wav"`: lower-cased, parameters dropped, aliases mapped. */
export function normalizeMediaType(contentType: string): string {
  const base = contentType.split(";")[0]!.trim().toLowerCase();
  return ALIASES[base] ?? base;
}

/** Whether two Content-Type values name the same media type (`audio/x-wav` and `audio/wav; x=1` do). */
export function sameMediaType(a: string, b: string): boolean {
  return normalizeMediaType(a) === normalizeMediaType(b);
}

function entryOf(contentType: string | null | undefined) {
  if (!contentType) return undefined;
  const type = normalizeMediaType(contentType);
  return Object.hasOwn(mediaTypes, type) ? mediaTypes[type as MediaType] : undefined;
}

/** The file extension the spec gives a media type (`audio/flac` -> `flac`); undefined for other types. */
export function extensionOf(contentType: string | null | undefined): string | undefined {
  return entryOf(contentType)?.extension;
}

/**
 * What a body of this Content-Type is: "binary" (the spec's binary types, and any audio, video, image or
 * octet-stream), "text" (the spec's JSON, and any text, JSON, XML or HTML) or "unknown" (no header, or a
 * type nobody can vouch for). Saving refuses "text" (an error page saved as audio is data loss); the proxy
 * relays only "binary" untouched (everything else is scanned for the key).
 */
export function mediaKind(contentType: string | null | undefined): "binary" | "text" | "unknown" {
  const entry = entryOf(contentType);
  if (entry) return entry.binary ? "binary" : "text";
  if (!contentType) return "unknown";
  const type = normalizeMediaType(contentType);
  if (/^text\/|json|xml|html/.test(type)) return "text";
  if (/^(audio|video|image)\/|^application\/octet-stream$/.test(type)) return "binary";
  return "unknown";
}
