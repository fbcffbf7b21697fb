// The client's errors: CambApiError for a non-2xx answer and CambTimeoutError for missing headers.
import { redactSecret } from "./redact.js";
import { requestPath } from "./request-path.js";

/**
 * Where a response came from, recorded by the client's fetch so errors can name the call. The path is
 * worked out only when an error is built, keeping string work off the fast path.
 */
export interface RequestInfo {
  method: string;
  url: string;
  baseUrl: string;
  /** The API key of the client that sent the request, only so errors can redact it. Never exposed. */
  secret?: string | undefined;
}

const requestInfo = new WeakMap<Response, RequestInfo>();

/** @internal Called by the client's fetch for every response it returns. */
export function recordRequest(response: Response, info: RequestInfo): void {
  requestInfo.set(response, info);
}

const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-amzn-requestid", "cf-ray"];

function describeBody(body: unknown): string {
  if (typeof body === "string") return body.length > 200 ? `${body.slice(0, 200)}…` : body;
  const detail = (body as { detail?: unknown } | null)?.detail;
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    // FastAPI validation errors: name each field, e.g. "body.text: Field required".
    return detail
      .map(
        (item: { loc?: unknown[]; msg?: string }) =>
          `${(item.loc ?? []).join(".")}: ${item.msg ?? "invalid"}`,
      )
      .join("; ");
  }
  return body === undefined ? "" : JSON.stringify(body);
}

/**
 * A non-2xx answer from the CAMB API. Carries the status, the parsed body (JSON, or text, `""` when the
 * body was empty), the response headers, the server's request id when it sent one, and the call's method and
 * path. The API key never appears in it: not in the message, the body, the headers or its JSON form.
 */
export class CambApiError extends Error {
  override readonly name = "CambApiError";
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
  readonly requestId: string | undefined;
  readonly method: string;
  readonly path: string;

  constructor(init: {
    status: number;
    body: unknown;
    headers: Headers;
    method: string;
    path: string;
    requestId?: string | undefined;
  }) {
    const summary = describeBody(init.body);
    super(`CAMB API ${init.status} on ${init.method} ${init.path}${summary ? `: ${summary}` : ""}`);
    this.status = init.status;
    this.body = init.body;
    this.headers = init.headers;
    this.method = init.method;
    this.path = init.path;
    this.requestId = init.requestId;
  }

  /** Builds the error for a response the client received; `body` is what openapi-fetch parsed. */
  static fromResponse(response: Response, body: unknown): CambApiError {
    const info = requestInfo.get(response);
    const secret = info?.secret;
    const headers = new Headers();
    for (const [key, value] of response.headers) headers.set(key, redactSecret(value, secret));
    const requestId = REQUEST_ID_HEADERS.map((name) => headers.get(name)).find((value) => value) ?? undefined;
    return new CambApiError({
      status: response.status,
      body: redactSecret(body ?? "", secret),
      headers,
      method: info?.method ?? "GET",
      path: info ? requestPath(info.url, info.baseUrl) : new URL(response.url || "http://unknown/").pathname,
      requestId,
    });
  }

  toJSON() {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      method: this.method,
      path: this.path,
      requestId: this.requestId,
      body: this.body,
    };
  }
}

/** The API did not send response headers within `timeoutMs`. */
export class CambTimeoutError extends Error {
  override readonly name = "CambTimeoutError";
  readonly timeoutMs: number;
  readonly method: string;
  readonly path: string;

  constructor(init: { timeoutMs: number; method: string; path: string }) {
    super(`CAMB API did not answer ${init.method} ${init.path} within ${init.timeoutMs} ms`);
    this.timeoutMs = init.timeoutMs;
    this.method = init.method;
    this.path = init.path;
  }
}
