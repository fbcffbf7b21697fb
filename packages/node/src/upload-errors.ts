// The errors fileFromPath throws: nothing at the path, something there that is not a file, a file that changed.
import { CambError } from "@camb-kit/client";

/** Nothing exists at the path given to `fileFromPath` (or a symbolic link there points nowhere). */
export class MissingFileError extends CambError {
  override readonly name: string = "MissingFileError";
  readonly code = "ENOENT";
  declare readonly path: string;

  constructor(path: string, cause: unknown) {
    super(`${path} does not exist: there is no file to upload`, { cause });
    this.init({ path });
  }
}

/** The path names a folder, a FIFO, a device or a socket: only a regular file has a size to announce. */
export class SourceNotAFileError extends CambError {
  override readonly name: string = "SourceNotAFileError";
  declare readonly path: string;
  /** What is there instead, e.g. "a directory". */
  declare readonly kind: string;

  constructor(path: string, kind: string) {
    super(`${path} is ${kind}, not a regular file: only a regular file can be uploaded from a path`);
    this.init({ path, kind });
  }
}

/**
 * The file changed on disk after `fileFromPath` looked at it (its size or modification time differ), so the
 * length the request announced is no longer true: the upload fails rather than send other bytes.
 */
export class SourceFileChangedError extends CambError {
  override readonly name: string = "SourceFileChangedError";
  declare readonly path: string;
  /** The size `fileFromPath` saw, the one the request announced. */
  declare readonly expectedBytes: number;

  constructor(path: string, expectedBytes: number, cause: unknown) {
    super(`${path} changed while it was being uploaded (it had ${expectedBytes} bytes)`, { cause });
    this.init({ path, expectedBytes });
  }
}
