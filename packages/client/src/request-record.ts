// What openapi-fetch builds for each call in place of a real Request (its `Request` option): the URL and the
// init as they are. A call then makes one Request (the runtime's, inside fetch) instead of two, no signal for
// a call that has none, and a body that can simply be sent again on a retry, where a Request's can be read
// once and must be tee()d. A client with middleware builds real Requests, which its contract promises.

/** Bodies that can be sent any number of times (everything but a stream). */
function reusable(body: BodyInit | null): boolean {
  return !(typeof ReadableStream !== "undefined" && body instanceof ReadableStream);
}

export class RequestRecord {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: BodyInit | null;
  readonly signal: AbortSignal | null;
  readonly redirect: RequestRedirect;
  /** Whether the body can be sent again (a retry, a 307/308): false only for a stream. */
  readonly replayable: boolean;

  constructor(input: string | URL, init: RequestInit = {}) {
    this.url = String(input);
    this.method = (init.method ?? "GET").toUpperCase();
    // openapi-fetch hands over a Headers of its own for every call: kept, not copied.
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.body = init.body ?? null;
    this.signal = init.signal ?? null;
    this.redirect = init.redirect ?? "follow";
    this.replayable = reusable(this.body);
  }

  /** The init for `fetch(record.url, init)`, on `signal`. */
  init(signal: AbortSignal | null): RequestInit {
    const init: RequestInit & { duplex?: "half" } = {
      method: this.method,
      headers: this.headers,
      body: this.body,
      redirect: this.redirect,
    };
    if (signal) init.signal = signal;
    // A streamed body needs the half-duplex mode every runtime requires for it.
    if (!this.replayable) init.duplex = "half";
    return init;
  }

  /** A record of another request: `changes` over this one's fields. */
  with(changes: {
    url?: string;
    method?: string;
    headers?: Headers;
    body?: BodyInit | null;
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

    constructor(input: string | URL, init?: RequestInit) {
      // biome-ignore lint/correctness/noConstructorReturn: the point of the class is to choose what is built
      return realRequests() ? new Request(input, init) : new RequestRecord(input, init);
    }
  }
  return CambRequest as unknown as typeof Request;
}
