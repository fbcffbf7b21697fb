// A File whose bytes stay on disk: a file-backed Blob whose every read reports how much it has handed on.
import { stat } from "node:fs/promises";
import { SourceFileChangedError } from "./upload-errors.js";

/** How much of a file one read of it has handed to the request. */
export interface UploadProgress {
  /** Bytes handed on so far by this read; a resent request (a retry, a redirect) reads again from 0. */
  sent: number;
  /** The file's size, the length the request announced. */
  total: number;
}

export interface DiskFileInit {
  path: string;
  name: string;
  type: string;
  /** The `stat` of the file when it was opened: a read that finds another is of a changed file. */
  mtimeMs: number;
  onUploadProgress?: ((progress: UploadProgress) => void) | undefined;
}

/**
 * A real `File` over a file-backed Blob (`fs.openAsBlob`), so anything that reads a File natively (undici's
 * FormData, `new Response(file)`) gets the file's bytes, and a Blob is what the client's multipart encoder
 * sends again on a retry. Only `stream()` is overridden, the one way the encoder (and FormData) read a part:
 * it counts what the reader takes, and names the file when Node finds it changed ("The blob could not be
 * read" says neither what nor why).
 */
export class DiskFile extends File {
  readonly #init: DiskFileInit;

  constructor(source: Blob, init: DiskFileInit) {
    // A Blob part is referenced, not copied: the File stays a view of the file on disk (measured: no growth).
    super([source], init.name, { type: init.type, lastModified: Math.floor(init.mtimeMs) });
    this.#init = init;
  }

  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    const { path, mtimeMs, onUploadProgress } = this.#init;
    const total = this.size;
    const source = super.stream().getReader();
    let sent = 0;
    /** Node's own error when the file changed since it was opened, else the read error as it came. */
    const explain = async (error: unknown) => {
      const now = await stat(path).catch(() => undefined);
      const changed = now === undefined || now.size !== total || now.mtimeMs !== mtimeMs;
      return changed ? new SourceFileChangedError(path, total, error) : error;
    };
    // No read-ahead of its own: a chunk is counted when the request pulls it, not when the disk yields it.
    return new ReadableStream<Uint8Array<ArrayBuffer>>(
      {
        async pull(controller) {
          let chunk: ReadableStreamReadResult<Uint8Array>;
          try {
            chunk = await source.read();
          } catch (error) {
            throw await explain(error);
          }
          if (chunk.done) {
            if (sent !== total) throw new SourceFileChangedError(path, total, undefined);
            // An empty file reports once too, so every read ends with sent === total.
            if (total === 0) onUploadProgress?.({ sent, total });
            return controller.close();
          }
          sent += chunk.value.byteLength;
          controller.enqueue(chunk.value as Uint8Array<ArrayBuffer>);
          onUploadProgress?.({ sent, total });
        },
        cancel(reason) {
          return source.cancel(reason);
        },
      },
      { highWaterMark: 0 },
    );
  }
}
