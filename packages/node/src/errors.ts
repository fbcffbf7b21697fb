// The errors @camb-kit/node throws: short or stalled streams, refused targets, wrong answers, missing results.
import { CambError } from "@camb-kit/client";

/**
 * The body ended before `expectedBytes` (usually the response's Content-Length) arrived, or the connection
 * was cut mid-body (`expectedBytes` is then undefined when the size was not announced; `cause` is the
 * runtime's error).
 */
export class TruncatedStreamError extends CambError {
  override readonly name: string = "TruncatedStreamError";
  declare readonly expectedBytes: number | undefined;
  declare readonly receivedBytes: number;

  constructor(expectedBytes: number | undefined, receivedBytes: number, options?: { cause?: unknown }) {
    const of = expectedBytes === undefined ? "" : ` of ${expectedBytes} expected`;
    super(`The stream ended after ${receivedBytes}${of} bytes`, options);
    this.init({ expectedBytes, receivedBytes });
  }
}

/** No byte arrived (or could be written) for `idleTimeoutMs`. */
export class IdleTimeoutError extends CambError {
  override readonly name: string = "IdleTimeoutError";
  declare readonly idleTimeoutMs: number;

  constructor(idleTimeoutMs: number) {
    super(`No data for ${idleTimeoutMs} ms: the stream stalled`);
    this.init({ idleTimeoutMs });
  }
}

/** `overwrite: false` and the target already exists (checked first, and again atomically at the end). */
export class TargetExistsError extends CambError {
  override readonly name: string = "TargetExistsError";
  readonly code = "EEXIST";
  declare readonly path: string;

  constructor(path: string) {
    super(`${path} already exists and overwrite is false`);
    this.init({ path });
  }
}

/** Something that is not a regular file is at the target (a symlink, a device, a FIFO, a folder): never replaced. */
export class TargetNotAFileError extends CambError {
  override readonly name: string = "TargetNotAFileError";
  declare readonly path: string;
  /** What is there instead, e.g. "a character device". */
  declare readonly kind: string;

  constructor(path: string, kind: string) {
    super(`${path} is ${kind}, not a regular file: refusing to replace it (save to a file path instead)`);
    this.init({ path, kind });
  }
}

/** The target's folder does not exist, and `mkdir` was not set. */
export class MissingFolderError extends CambError {
  override readonly name: string = "MissingFolderError";
  readonly code = "ENOENT";
  declare readonly path: string;

  constructor(folder: string, cause: unknown) {
    super(`the folder ${folder} does not exist (pass { mkdir: true } to create it)`, { cause });
    this.init({ path: folder });
  }
}

/** The server answered with a content type that is not the audio the call expects (e.g. JSON). */
export class UnexpectedContentTypeError extends CambError {
  override readonly name: string = "UnexpectedContentTypeError";
  declare readonly expected: string;
  declare readonly received: string | undefined;

  constructor(expected: string, received: string | undefined) {
    super(`Expected ${expected} but the server answered with ${received ?? "no content type"}`);
    this.init({ expected, received });
  }
}

/**
 * A `Response` to save (e.g. from a pre-signed storage URL) had a non-2xx status: its body is an error page,
 * not audio. The URL's query is left out of the message and the error: a pre-signed query is a credential.
 */
export class HttpStatusError extends CambError {
  override readonly name: string = "HttpStatusError";
  declare readonly status: number;
  /** Origin and path only: the query of a pre-signed URL is a credential. */
  declare readonly url: string;

  constructor(status: number, url: string) {
    const where = url ? urlWithoutQuery(url) : "a response";
    super(`HTTP ${status} from ${where}: refusing to save an error response as audio`);
    this.init({ status, url: where });
  }
}

/** A result lookup (bulk or single) found nothing for this run id: no URL, or a result that is `null`. */
export class MissingResultError extends CambError {
  override readonly name: string = "MissingResultError";
  declare readonly runId: number;

  constructor(runId: number) {
    super(`The API returned no result for run ${runId}`);
    this.init({ runId });
  }
}

/** Origin and path of a URL: the query of a pre-signed URL is a credential, never shown. */
export function urlWithoutQuery(url: string): string {
  try {
    const { origin, pathname } = new URL(url);
    return `${origin}${pathname}`;
  } catch {
    return "(unparseable URL)";
  }
}
