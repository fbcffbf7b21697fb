// createCambClient: openapi-fetch for the CAMB spec, with auth, retries and a headers timeout wired in.
import type { HeadersOptions } from "openapi-fetch";
import { absoluteUrl } from "./base-url.js";
import type { CambClient } from "./camb-client.js";
import { createCambFetch, type SendRequest } from "./camb-fetch.js";
import { type AttemptObserver, rememberSettings } from "./client-settings.js";
import { registerSecret, withoutCredentials } from "./errors/secrets.js";
import type { paths } from "./generated/schema.js";
import { apiKeyHeader, defaultBaseUrl } from "./generated/service.js";
import { guardBodyReads } from "./guard-body-reads.js";
import { serializeBody } from "./multipart/serialize-body.js";
import { createClient } from "./openapi-fetch-interop.js";
import { RequestRecord, requestClass } from "./request-record.js";
import { type RetryOptions, resolveRetryPolicy } from "./retry-policy.js";

const DEFAULT_TIMEOUT_MS = 60_000;

export interface CambClientOptions {
  /** Sent in the spec's API-key header (`x-api-key`). Defaults to the `CAMB_API_KEY` environment variable where there is one. */
  apiKey?: string | undefined;
  /** Default: the spec's server, `https://client.camb.ai/apis`. Point it at the sandbox, or your backend's proxy. */
  baseUrl?: string;
  /** A fetch to use instead of `globalThis.fetch` (looked up per call, so msw and spies work). */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request. */
  headers?: HeadersOptions;
  /**
   * Base URL of the realtime WebSocket server (live transcription, realtime translation). Default: the
   * spec's realtime server. Live TTS is served under `baseUrl`, with the ws scheme. Checked when a session
   * opens (@camb-kit/realtime), so an app that never opens one does not pay for the check.
   */
  realtimeBaseUrl?: string;
  /** Retry settings, or `false` for none. Default: 2 retries of idempotent methods (not POST). */
  retry?: RetryOptions | false;
  /**
   * Time allowed until the response headers arrive, in ms; `0` or `Infinity` for none. Default 60000. The
   * body of a streamed response is not limited by it (long speech can take minutes): use a signal for that.
   */
  timeoutMs?: number;
}

function apiKeyFromEnvironment(): string | undefined {
  // No `node:` import: `process` exists in Node, Bun and Deno (compat) and is simply absent in browsers.
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  try {
    return env?.CAMB_API_KEY || undefined;
  } catch {
    return undefined; // Deno without --allow-env throws on the read: no permission means no key from there
  }
}

function plainHeaders(headers: HeadersOptions | undefined): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(new Headers(headers));
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== null && value !== undefined)
      result[name] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return result;
}

/**
 * How a request leaves. The global fetch takes a record's URL and init as they are (it builds its own Request
 * anyway); a custom fetch follows openapi-fetch's contract of one Request argument, so that path builds one.
 * The global fetch is looked up per call, so msw and spies installed later still see the calls.
 */
function sender(userFetch: CambClientOptions["fetch"]): SendRequest {
  if (userFetch) {
    return (request, signal, pulled) =>
      userFetch(
        request instanceof RequestRecord
          ? new Request(request.url, request.init(signal, pulled))
          : signal
            ? new Request(request, { signal })
            : request,
      );
  }
  return (request, signal, pulled) =>
    request instanceof RequestRecord
      ? globalThis.fetch(request.url, request.init(signal, pulled))
      : globalThis.fetch(request, signal ? { signal } : undefined);
}

/** Creates a typed client for the CAMB API on openapi-fetch, with auth, retries and a headers timeout. */
export function createCambClient(options: CambClientOptions = {}): CambClient {
  const apiKey = options.apiKey ?? apiKeyFromEnvironment();
  registerSecret(apiKey);
  const baseUrl = (options.baseUrl ?? defaultBaseUrl).replace(/\/+$/, "");
  const parsedBase = absoluteUrl(baseUrl);
  if (parsedBase.username || parsedBase.password) {
    registerSecret(decodeURIComponent(parsedBase.password) || decodeURIComponent(parsedBase.username));
    // Never quoted whole: the credentials would land in logs with every error that names the URL.
    throw new TypeError(
      `baseUrl must not carry credentials (${withoutCredentials(baseUrl)}): pass the key as apiKey, or a header in headers`,
    );
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs >= 0)) throw new RangeError(`timeoutMs must be a number >= 0, got ${timeoutMs}`);
  const headers = plainHeaders(options.headers);
  if (apiKey) headers[apiKeyHeader] = apiKey;
  // Middleware is promised real Requests: once any is registered, openapi-fetch builds those (see below).
  let middleware = false;
  const observers = new Set<AttemptObserver>();

  const client = createClient<paths>({
    baseUrl,
    headers,
    // Records instead of Requests: one Request per call instead of two (request-record.ts).
    Request: requestClass(() => middleware),
    // A body with a file part becomes multipart/form-data, streamed; any other is openapi-fetch's JSON.
    bodySerializer: serializeBody,
    // With a key, redirects are followed by hand (camb-fetch.ts) so that the key never crosses to another
    // origin: the fetch standard strips Authorization and cookies there, not a custom header.
    ...(apiKey ? { redirect: "manual" } : {}),
    fetch: createCambFetch({
      send: sender(options.fetch),
      baseUrl,
      apiOrigin: parsedBase.origin,
      retry: resolveRetryPolicy(options.retry),
      timeoutMs,
      observers,
    }) as (request: Request) => Promise<Response>,
  });
  const use = client.use.bind(client);
  client.use = (...added) => {
    middleware = true;
    use(...added);
  };
  const camb = guardBodyReads(client) as unknown as CambClient;
  rememberSettings(camb, { baseUrl, apiKey, realtimeBaseUrl: options.realtimeBaseUrl, observers });
  return camb;
}
