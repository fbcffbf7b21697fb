// The multipart/form-data encoder for server runtimes: the body as a stream of its parts, files read in turn.
import { type FormValue, isStreamedFile, type StreamedFile } from "./form-entries.js";

type Piece = Uint8Array<ArrayBuffer> | Blob | StreamedFile;

/** Line breaks as CRLF, as browsers send a field's name and text (WHATWG HTML, multipart/form-data). */
const crlf = (text: string) => text.replace(/\r\n?|\n/g, "\r\n");

/** A name or filename in a part header, escaped as browsers do (%0D, %0A, %22), so it cannot end early. */
const escaped = (text: string) => text.replace(/[\r\n"]/g, encodeURIComponent);

/** A Blob's filename: a File's name without its folder (Bun.file has a path), else "blob", as browsers. */
function filenameOf(blob: Blob): string {
  return (blob as Partial<File>).name?.split(/[\\/]/).pop() || "blob";
}

/**
 * A multipart body built once per call from its entries: part headers are encoded up front (so the length is
 * known), files stay where they are. `stream()` gives a new stream each time it is called, reading each file
 * anew, so a body of Blobs can be sent again (a retry); one with a one-shot stream cannot (`replayable`).
 */
export class MultipartBody {
  /** The request's Content-Type, with the boundary. */
  readonly type: string;
  /** Total length in bytes, when every part's is known (always, but for a StreamedFile without a size). */
  readonly size: number | undefined;
  readonly replayable: boolean;
  private readonly pieces: Piece[] = [];

  constructor(entries: [string, FormValue][]) {
    const random = () => Math.random().toString(36).slice(2);
    const boundary = `----CambKitFormBoundary${random()}${random()}`;
    this.type = `multipart/form-data; boundary=${boundary}`;
    const encoder = new TextEncoder();
    let text = "";
    let size = 0;
    let replayable = true;
    for (const [name, value] of entries) {
      text += `--${boundary}\r\nContent-Disposition: form-data; name="${escaped(crlf(name))}"`;
      if (typeof value === "string") {
        text += `\r\n\r\n${crlf(value)}\r\n`;
        continue;
      }
      const blob = value instanceof Blob;
      const filename = escaped(blob ? filenameOf(value) : value.filename);
      // Escaped too: a StreamedFile's type is any string, and a line break in it would end the header.
      const type = escaped(value.type || "application/octet-stream");
      text += `; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
      this.pieces.push(encoder.encode(text), value);
      text = "\r\n";
      // NaN when a stream does not say its length: the sum then says "unknown".
      size += blob ? value.size : (value.size ?? Number.NaN);
      replayable &&= blob;
    }
    this.pieces.push(encoder.encode(`${text}--${boundary}--\r\n`));
    for (const piece of this.pieces) if (piece instanceof Uint8Array) size += piece.byteLength;
    this.size = Number.isNaN(size) ? undefined : size;
    this.replayable = replayable;
  }

  /** What fetch is handed: without a file the bytes themselves (any runtime sends those), else `stream()`. */
  toBody(signal: AbortSignal | null, pulled?: () => void): BodyInit {
    // The text before and after files is one piece per gap: a single piece means there is no file.
    return this.pieces.length === 1
      ? (this.pieces[0] as Uint8Array<ArrayBuffer>)
      : this.stream(signal, pulled);
  }

  /**
   * The body as a stream that reads one chunk of one part per pull, so memory holds a chunk or two whatever
   * the files' sizes. `pulled` is called on every pull: each is progress (camb-fetch's timer hears it). An
   * abort of `signal` errors the stream and releases what it reads: undici neither cancels a request body on
   * an abort nor stops reading it (it read on to a file's end, measured), so the stream stops itself.
   */
  stream(signal: AbortSignal | null, pulled?: () => void): ReadableStream<Uint8Array> {
    const { pieces } = this;
    let next = 0;
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    let abort: (() => void) | undefined;
    let released = false;
    /** Releases the file being read and every stream not reached yet: nothing else will read them. */
    const release = (reason: unknown) => {
      released = true;
      signal?.removeEventListener("abort", abort!);
      const unread = pieces.slice(next).filter(isStreamedFile);
      next = pieces.length;
      return Promise.all([reader?.cancel(reason), ...unread.map((part) => part.stream.cancel(reason))]);
    };
    return new ReadableStream<Uint8Array>({
      start(controller) {
        abort = () => {
          controller.error(signal!.reason);
          release(signal!.reason).catch(() => {});
        };
        if (signal?.aborted) abort();
        else signal?.addEventListener("abort", abort, { once: true });
      },
      async pull(controller) {
        pulled?.();
        try {
          for (;;) {
            if (reader) {
              const { done, value } = await reader.read();
              if (released) return; // aborted or cancelled meanwhile
              if (!done) return controller.enqueue(value);
              reader = undefined;
            }
            const piece = pieces[next++];
            if (piece === undefined) {
              signal?.removeEventListener("abort", abort!);
              return controller.close();
            }
            // A copy: a runtime may transfer a chunk it sends, and a retry sends these bytes again.
            if (piece instanceof Uint8Array) return controller.enqueue(piece.slice());
            reader = (piece instanceof Blob ? piece.stream() : piece.stream).getReader();
          }
        } catch (error) {
          // A file that cannot be read (changed on disk, a failed stream) fails the upload: free the rest.
          release(error).catch(() => {});
          throw error;
        }
      },
      async cancel(reason) {
        await release(reason);
      },
    });
  }
}
