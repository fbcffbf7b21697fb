// Names servers use for the same audio formats; compared after lower-casing and dropping parameters.
const ALIASES: Record<string, string> = {
  "audio/x-flac": "audio/flac",
  "audio/x-wav": "audio/wav",
  "audio/wave": "audio/wav",
  "audio/vnd.wave": "audio/wav",
  "audio/mp3": "audio/mpeg",
  "audio/x-aac": "audio/aac",
};

/** `"Audio/X-WAV; codecs=1"` -> `"audio/wav"`. */
export function normalizeMediaType(value: string): string {
  const base = value.split(";")[0]!.trim().toLowerCase();
  return ALIASES[base] ?? base;
}

/**
 * Whether a response's Content-Type is the audio we expect. A missing header is accepted (some servers and
 * storage hosts send none); JSON, text, HTML or another audio format is not.
 */
export function matchesMediaType(received: string | undefined, expected: string): boolean {
  return received === undefined || normalizeMediaType(received) === normalizeMediaType(expected);
}

/** True for types that are certainly not audio: an error page or a JSON answer saved as `.mp3` is data loss. */
export function isNonAudioMediaType(received: string | undefined): boolean {
  if (received === undefined) return false;
  const base = normalizeMediaType(received);
  return base.startsWith("text/") || base.includes("json") || base.includes("xml") || base.includes("html");
}
