// The errors @camb-kit/node throws: short or stalled streams, refused targets, wrong answers, missing results.
/** The body ended before `expectedBytes` (usually the response's Content-Length) arrived. */
export class TruncatedStreamError extends Error {
  override readonly name = "TruncatedStreamError";
  readonly expectedBytes: number;
  readonly receivedBytes: number;

  constructor(expectedBytes: number, receivedBytes: number) {
    super(`The stream ended after ${receivedBytes} of ${expectedBytes} expected bytes`);
    this.expectedBytes = expectedBytes;
    this.receivedBytes = receivedBytes;
  }
}

/** No byte arrived (or could be written) for `idleTimeoutMs`. */
export class IdleTimeoutError extends Error {
  override readonly name = "IdleTimeoutError";
  readonly idleTimeoutMs: number;

  constructor(idleTimeoutMs: number) {
    super(`No data for ${idleTimeoutMs} ms: the stream stalled`);
    this.idleTimeoutMs = idleTimeoutMs;
  }
}

/** `overwrite: false` and the target already exists (checked first, and again atomically at the end). */
export class TargetExistsError extends Error {
  override readonly name = "TargetExistsError";
  readonly code = "EEXIST";
  readonly path: string;

  constructor(path: string) {
    super(`${path} already exists and overwrite is false`);
    this.path = path;
  }
}

/** The target's folder does not exist, and `mkdir` was not set. */
export class MissingFolderError extends Error {
  override readonly name = "MissingFolderError";
  readonly code = "ENOENT";
  readonly path: string;

  constructor(folder: string, cause: unknown) {
    super(`the folder ${folder} does not exist (pass { mkdir: true } to create it)`, { cause });
    this.path = folder;
  }
}

/** The server answered with a content type that is not the audio the call expects (e.g. JSON). */
export class UnexpectedContentTypeError extends Error {
  override readonly name = "UnexpectedContentTypeError";
  readonly expected: string;
  readonly received: string | undefined;

  constructor(expected: string, received: string | undefined) {
    super(`Expected ${expected} but the server answered with ${received ?? "no content type"}`);
    this.expected = expected;
    this.received = received;
  }
}

/**
 * A `Response` to save (e.g. from a pre-signed storage URL) had a non-2xx status: its body is an error page,
 * not audio. The URL's query is left out of the message and the error: a pre-signed query is a credential.
 */
export class HttpStatusError extends Error {
  override readonly name = "HttpStatusError";
  readonly status: number;
  /** Origin and path only: the query of a pre-signed URL is a credential. */
  readonly url: string;

  constructor(status: number, url: string) {
    const where = url ? urlWithoutQuery(url) : "a response";
    super(`HTTP ${status} from ${where}: refusing to save an error response as audio`);
    this.status = status;
    this.url = where;
  }
}

/** A bulk or single result lookup returned no URL for this run id. */
export class MissingResultError extends Error {
  override readonly name = "MissingResultError";
  readonly runId: number;

  constructor(runId: number) {
    super(`The API returned no result URL for run ${runId}`);
    this.runId = runId;
  }
}

function urlWithoutQuery(url: string): string {
  try {
    const { origin, pathname } = new URL(url);
    return `${origin}${pathname}`;
  } catch {
    return "(unparseable URL)";
  }
}
