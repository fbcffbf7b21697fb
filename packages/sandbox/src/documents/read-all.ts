// A whole document read from its stream into memory, refused past a bound, and told apart by its first bytes.
import { UnreadableUpload } from "../uploads/unreadable.js";

/**
 * Documents are read whole (a .docx is a zip, whose directory is at its end), so they are bounded: 50 MiB
 * holds any story or dictionary a person writes, and is what a document upload may cost the sandbox.
 */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/** Reads a stream to its end, or refuses (and cancels it) once it is over `maxBytes`. */
export async function readAll(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
  what: string,
): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > maxBytes) {
      await reader.cancel();
      throw new UnreadableUpload(`${what} is too large to read: the limit is ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** Whether the bytes open as a zip archive (a local file header, or the end record of an empty one). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && bytes[3] === bytes[2] + 1
  );
}

/** Strict UTF-8 text (a leading BOM dropped); anything else, or text with NUL bytes, is unreadable. */
export function utf8Text(bytes: Uint8Array, what: string): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableUpload(`${what} is not UTF-8 text`);
  }
  if (text.includes("\0")) throw new UnreadableUpload(`${what} is binary, not text`);
  return text;
}

/** How a message names the file: by its filename when it has one. */
export function describeFile(part?: { name: string }): string {
  return part?.name ? `The file ${JSON.stringify(part.name)}` : "The file";
}
