// CambError: the base class of every error of every camb-kit package, and the one place they are redacted.
import { redactSecrets } from "./secrets.js";

/**
 * What every camb-kit error extends: catch it to handle anything the toolkit reports, and read the class
 * (API answer, connection, timeout, task failure, truncation…) to tell what happened. Its message, and
 * every field a subclass sets through `init`, has every registered API key removed, so the key never shows
 * in `message`, `stack`, `JSON.stringify` or `util.inspect`. Programmer mistakes (bad options) are plain
 * `TypeError` / `RangeError`, never a CambError.
 */
export class CambError extends Error {
  override readonly name: string = "CambError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(redactSecrets(message), options);
  }

  /** Sets fields on the error, redacted (subclasses call it with what the server sent). */
  protected init(fields: Record<string, unknown>): void {
    Object.assign(this, redactSecrets(fields));
  }
}
