const EXTENSIONS: Record<string, string> = {
  "audio/flac": "flac",
  "audio/wav": "wav",
  "audio/x-wav": "wav",
  "audio/mpeg": "mp3",
  "audio/aac": "aac",
};

/** The file extension for a response's Content-Type, so a saved file is named for what it is. */
export function extensionFor(contentType: string | null | undefined): string {
  return EXTENSIONS[contentType?.split(";")[0]?.trim().toLowerCase() ?? ""] ?? "bin";
}
