// documentText: the text of an uploaded .txt (UTF-8) or .docx, read from its stream, for story uploads.
import type { FilePartInfo } from "../uploads/types.js";
import { docxParagraphs } from "./docx.js";
import { describeFile, isZip, MAX_DOCUMENT_BYTES, readAll, utf8Text } from "./read-all.js";

/**
 * The text of a document: a .docx's paragraphs one per line, or a text file as it is. The format is told by
 * the bytes (a zip is a .docx), not by a name or type a client chose. Reads the whole file, up to
 * `MAX_DOCUMENT_BYTES`; anything it cannot read is an `UnreadableUpload` saying why. Shaped as a
 * `FileAnalyser`, so a route can give it for a file part as is.
 */
export async function documentText(stream: ReadableStream<Uint8Array>, part?: FilePartInfo): Promise<string> {
  const what = describeFile(part);
  const bytes = await readAll(stream, MAX_DOCUMENT_BYTES, what);
  return isZip(bytes)
    ? docxParagraphs(bytes, what).join("\n")
    : utf8Text(bytes, what).replace(/\r\n?/g, "\n");
}
