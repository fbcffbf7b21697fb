// Following a redirect by hand, so the API key goes to the API's origin only: the fetch standard strips
// `Authorization` and cookies on a cross-origin redirect, but not a custom header such as `x-api-key`.
import { apiKeyHeader } from "./generated/service.js";
import { type Outgoing, RequestRecord } from "./request-record.js";

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** The fetch standard's limit. */
export const MAX_REDIRECTS = 20;
/** What never crosses to another origin. */
const CREDENTIAL_HEADERS = [apiKeyHeader, "authorization", "proxy-authorization", "cookie"];

export function isRedirect(response: Response): boolean {
  return REDIRECTS.has(response.status) && response.headers.has("location");
}

/**
 * The request a redirect leads to, as the fetch standard builds it, except that credentials stay with
 * `apiOrigin`: a 303 (and a 301/302 after a POST) becomes a bodiless GET; a 307/308 keeps the method and
 * body. Returns a reason string instead when the redirect cannot be followed (a body that cannot be sent
 * again, such as a stream, or a Location that is not http(s)).
 */
export function redirectedRequest(
  request: Outgoing,
  response: Response,
  apiOrigin: string,
): RequestRecord | string {
  const target = new URL(response.headers.get("location") ?? "", response.url || request.url);
  if (target.protocol !== "https:" && target.protocol !== "http:") return `to a ${target.protocol} URL`;
  const toGet =
    response.status === 303 ||
    ((response.status === 301 || response.status === 302) && request.method === "POST");
  const replayable = request instanceof RequestRecord ? request.replayable : request.body === null;
  if (!toGet && !replayable) return "the request body cannot be sent again to the new location";
  const headers = new Headers(request.headers);
  if (target.origin !== apiOrigin) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
  if (toGet) for (const name of ["content-type", "content-length", "content-encoding"]) headers.delete(name);
  const method = toGet && request.method !== "HEAD" ? "GET" : request.method;
  const body = toGet || !(request instanceof RequestRecord) ? null : request.body;
  return new RequestRecord(target, { method, headers, body, signal: request.signal, redirect: "manual" });
}
