// CambApiError: a non-2xx answer of the API, with its status, body, headers, request id, method and path.
import { requestPath } from "../request-path.js";
import { CambError } from "./camb-error.js";
import { redactSecrets } from "./secrets.js";

/**
 * Where a response came from, recorded by the client's fetch so errors can name the call. The path is
 * worked out only when an error is built, keeping string work off the fast path.
 */
export interface RequestInfo {
  method: string;
  url: string;
  baseUrl: string;
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
export class CambApiError extends CambError {
  override readonly name: string = "CambApiError";
  declare readonly status: number;
  declare readonly body: unknown;
  declare readonly headers: Headers;
  declare readonly requestId: string | undefined;
  declare readonly method: string;
  declare readonly path: string;

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
    // A Headers object is not plain JSON: it is copied here, redacted value by value.
    const headers = new Headers();
    for (const [key, value] of init.headers) headers.set(key, redactSecrets(value));
    const requestId = init.requestId ?? REQUEST_ID_HEADERS.map((name) => headers.get(name)).find(Boolean);
    const { status, body, method, path } = init;
    this.init({ status, body, method, path, requestId });
    Object.assign(this, { headers });
  }

  /** Builds the error for a response the client received; `body` is what openapi-fetch parsed. */
  static fromResponse(response: Response, body: unknown): CambApiError {
    const info = requestInfo.get(response);
    return new CambApiError({
      status: response.status,
      body: body ?? "",
      headers: response.headers,
      method: info?.method ?? "GET",
      path: info ? requestPath(info.url, info.baseUrl) : new URL(response.url || "http://unknown/").pathname,
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
