// Every kind of source saveAudio accepts, inspected without being read: type, announced size, and release.
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { declaredContentLength } from "@camb-kit/client/internal";
import { HttpStatusError } from "./errors.js";

/** Anything `saveAudio` can read: web or Node streams, a fetch `Response`, a `Blob`, bytes, async iterables. */
export type AudioSource =
  | ReadableStream<Uint8Array>
  | Readable
  | Response
  | Blob
  | Uint8Array
  | ArrayBuffer
  | AsyncIterable<Uint8Array>;

/** A source, not yet read: what it says about itself, a way to read it once, and a way to release it. */
export interface OpenableSource {
  contentType: string | undefined;
  /** The byte count the source announces (Content-Length, Blob size, byte length), when it is trustworthy. */
  expectedBytes: number | undefined;
  /** Converts to a Node Readable. Call at most once. */
  toReadable(): Readable;
  /** Releases a source that will not be read (cancels a body, so undici frees the socket). Never throws. */
  cancel(reason: unknown): void;
}

const ignore = () => {};

function isWebStream(value: object): value is ReadableStream<Uint8Array> {
  return typeof (value as ReadableStream).getReader === "function";
}

function isNodeReadable(value: object): value is Readable {
  // Duck-typed so streams from another copy of `readable-stream` are accepted too.
  return typeof (value as Readable).pipe === "function" && typeof (value as Readable).on === "function";
}

function isResponse(value: object): value is Response {
  return value instanceof Response || ("bodyUsed" in value && "headers" in value && "body" in value);
}

function isBlob(value: object): value is Blob {
  return value instanceof Blob || (typeof (value as Blob).stream === "function" && "size" in value);
}

function webToReadable(stream: ReadableStream<Uint8Array>): Readable {
  // Readable.fromWeb only accepts Node's own WHATWG streams; a polyfilled stream is read through its reader.
  if (stream instanceof ReadableStream) return Readable.fromWeb(stream as NodeWebReadableStream<Uint8Array>);
  return Readable.from(readChunks(stream), { objectMode: false });
}

async function* readChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Reached on error or early return too: cancelling releases the underlying source.
    await reader.cancel().catch(ignore);
  }
}

function fromWebStream(
  stream: ReadableStream<Uint8Array>,
  contentType?: string,
  size?: number,
): OpenableSource {
  if (stream.locked) throw new TypeError("The stream is already being read; tee() it to read it twice");
  return {
    contentType,
    expectedBytes: size,
    toReadable: () => webToReadable(stream),
    cancel: (reason) => void stream.cancel(reason).catch(ignore),
  };
}

function fromBytes(bytes: Uint8Array): OpenableSource {
  // One chunk: Readable.from would iterate a plain Uint8Array byte by byte.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    contentType: undefined,
    expectedBytes: buffer.byteLength,
    toReadable: () => Readable.from([buffer], { objectMode: false }),
    cancel: ignore,
  };
}

function fromResponse(response: Response): OpenableSource {
  if (!response.ok) {
    void response.body?.cancel().catch(ignore);
    throw new HttpStatusError(response.status, response.url);
  }
  if (response.bodyUsed) throw new TypeError("The response body was already read");
  if (!response.body) throw new TypeError(`The response (${response.status}) has no body`);
  const contentType = response.headers.get("content-type") ?? undefined;
  return fromWebStream(response.body, contentType, declaredContentLength(response.headers));
}

function fromAsyncIterable(iterable: AsyncIterable<Uint8Array>): OpenableSource {
  return {
    contentType: undefined,
    expectedBytes: undefined,
    toReadable: () => Readable.from(iterable, { objectMode: false }),
    cancel: (reason) => {
      // A generator is its own iterator: return() runs its finally blocks and releases what it holds.
      const iterator = iterable as Partial<AsyncIterator<Uint8Array>>;
      if (typeof iterator.return === "function") void Promise.resolve(iterator.return(reason)).catch(ignore);
    },
  };
}

/** Inspects a source without reading it. Throws a TypeError for unsupported or already-consumed sources. */
export function openableSource(source: AudioSource): OpenableSource {
  if (source instanceof Uint8Array) return fromBytes(source);
  if (source instanceof ArrayBuffer) return fromBytes(new Uint8Array(source));
  if (typeof source !== "object" || source === null) throw new TypeError("Unsupported audio source");
  if (isResponse(source)) return fromResponse(source);
  if (isWebStream(source)) return fromWebStream(source);
  if (isNodeReadable(source)) {
    if (source.destroyed || source.readableEnded) throw new TypeError("The Node stream was already consumed");
    return {
      contentType: undefined,
      expectedBytes: undefined,
      toReadable: () => source,
      cancel: (reason) => source.destroy(reason instanceof Error ? reason : undefined),
    };
  }
  if (isBlob(source)) return fromWebStream(source.stream(), source.type || undefined, source.size);
  if (Symbol.asyncIterator in source) return fromAsyncIterable(source);
  throw new TypeError("Unsupported audio source");
}
