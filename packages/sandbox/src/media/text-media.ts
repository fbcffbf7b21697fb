// Text as a stored file (a transcript export, a story's dialogue), in the shape storage and responses take.
import type { RenderedAudio } from "../audio/render.js";

/** `text` encoded once as UTF-8, served with its length; every stream starts from the beginning. */
export function textMedia(text: string, contentType: string): RenderedAudio {
  const bytes = new TextEncoder().encode(text);
  return {
    contentType,
    byteLength: bytes.length,
    stream: () =>
      new ReadableStream({
        start(controller) {
          controller.enqueue(bytes.slice());
          controller.close();
        },
      }),
  };
}
