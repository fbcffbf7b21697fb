// What openapi-fetch builds for each call in place of a real Request (its `Request` option): the URL and the
// init as they are. A call then makes one Request (the runtime's, inside fetch) instead of two, no signal for
// a call that has none, and a body that can simply be sent again on a retry, where a Request's can be read
// once and must be tee()d. A client with middleware builds real Requests, which its contract promises.
import { MultipartBody } from "./multipart/multipart-body.js";

/** What openapi-fetch hands over: the serializer's result, a multipart encoder included. */
type RecordInit = Omit<RequestInit, "body"> & { body?: BodyInit | MultipartBody | null };

/** Bodies that can be sent any number of times (everything but a stream). */
function reusable(body: BodyInit | null): boolean {
  return !(typeof ReadableStream !== "undefined" && body instanceof ReadableStream);
}

export class RequestRecord {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  /** A MultipartBody is sent anew on each attempt (a new stream, or its bytes without a file): `init`. */
  readonly body: BodyInit | MultipartBody | null;
  readonly signal: AbortSignal | null;
  readonly redirect: RequestRedirect;
  /** Whether the body can be sent again (a retry, a 307/308): false only for a stream, or a form with one. */
  readonly replayable: boolean;

  constructor(input: string | URL, init: RecordInit = {}) {
    this.url = String(input);
    this.method = (init.method ?? "GET").toUpperCase();
    // openapi-fetch hands over a Headers of its own for every call: kept, not copied.
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    const body = init.body ?? null;
    this.body = body;
    this.signal = init.signal ?? null;
    if (body instanceof MultipartBody) {
      // openapi-fetch said JSON (it knows FormData only). A known length is sent, for servers that refuse a
      // chunked upload (undici also checks the bytes sent against it).
      this.headers.set("content-type", body.type);
      if (body.size !== undefined) this.headers.set("content-length", String(body.size));
      // Never across a redirect: undici keeps a tee()d copy of any body it might resend on one, which is the
      // whole upload in memory (nodejs/undici#4058; a Blob's body too). "error" is the one mode without that
      // copy. The API does not redirect uploads, and a stream could not be resent anyway.
      this.redirect = "error";
      this.replayable = body.replayable;
    } else {
      this.redirect = init.redirect ?? "follow";
      this.replayable = reusable(body);
    }
  }

  /**
   * The init for `fetch(record.url, init)`, on `signal`. A multipart body with a file becomes a new stream,
   * which stops on an abort of `signal` and calls `pulled` on every pull (an upload's progress).
   */
  init(signal: AbortSignal | null, pulled?: () => void): RequestInit {
    const { body } = this;
    const form = body instanceof MultipartBody;
    const init: RequestInit & { duplex?: "half" } = {
      method: this.method,
      headers: this.headers,
      body: form ? body.toBody(signal, pulled) : body,
      redirect: this.redirect,
    };
    if (signal) init.signal = signal;
    // A streamed body needs the half-duplex mode every runtime requires for it.
    if (form || !this.replayable) init.duplex = "half";
    return init;
  }

  /** A record of another request: `changes` over this one's fields. */
  with(changes: {
    url?: string;
    method?: string;
    headers?: Headers;
    body?: BodyInit | MultipartBody | null;
    redirect?: RequestRedirect;
  }): RequestRecord {
    const { url = this.url, method = this.method, headers = this.headers, body = this.body } = changes;
    return new RequestRecord(url, {
      method,
      headers,
      body,
      signal: this.signal,
      redirect: changes.redirect ?? this.redirect,
    });
  }
}

/**
 * The real Request of an upload in a client with middleware. Marked, so that camb-fetch never clone()s it for
 * a retry: a clone tee()s the stream and keeps the whole upload in memory. It is sent once.
 */
export class UploadRequest extends Request {}

/** What camb-fetch sends: a record, or a real Request (built by middleware, or for a client that uses it). */
export type Outgoing = RequestRecord | Request;

/**
 * The `Request` class to hand openapi-fetch: records, until `realRequests()` says true (middleware was
 * registered), from then on real Requests. A constructor may return another object: this one does.
 */
export function requestClass(realRequests: () => boolean): typeof Request {
  class CambRequest {
    // openapi-fetch checks what middleware returns with `instanceof` this class: a real Request passes.
    static [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof Request || value instanceof RequestRecord;
    }

    constructor(input: string | URL, init?: RecordInit) {
      if (!realRequests()) {
        // biome-ignore lint/correctness/noConstructorReturn: the point of the class is to choose what is built
        return new RequestRecord(input, init);
      }
      if (init?.body instanceof MultipartBody) {
        const record = new RequestRecord(input, init);
        // biome-ignore lint/correctness/noConstructorReturn: as above
        return new UploadRequest(record.url, record.init(record.signal));
      }
      // biome-ignore lint/correctness/noConstructorReturn: as above
      return new Request(input, init as RequestInit);
    }
  }
  return CambRequest as unknown as typeof Request;
}
