// The one error an analyser throws on purpose: this upload is not what the operation can read.

/**
 * Thrown by an analyser (or a document reader) when a file part cannot be read as what it should be: not
 * UTF-8, not a .docx, a spreadsheet without a language row. Validation answers it as FastAPI's 422 naming
 * the part, with this message. It never leaves the sandbox, so it is a plain Error, not a CambError.
 */
export class UnreadableUpload extends Error {
  override readonly name = "UnreadableUpload";
}
