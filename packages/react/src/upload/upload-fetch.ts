// createUploadFetch: a fetch for the client that sends tracked uploads through XMLHttpRequest, for progress.
import { listenerOf, tagRequests, UPLOAD_HEADER } from "./tag-requests.js";
import { installUploadTagger, type UploadListener } from "./upload-tags.js";

export interface UploadFetchOptions {
  /** Sends every request that is not a tracked upload. Default: the global fetch, looked up per call. */
  fetch?: (request: Request) => Promise<Response>;
  /** The XMLHttpRequest class uploads go through. Default: the global one. */
  XMLHttpRequest?: typeof XMLHttpRequest;
}

// Statuses whose Response must have a null body (the Response constructor throws otherwise).
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function responseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

async function sendWithProgress(
  Xhr: typeof XMLHttpRequest,
  request: Request,
  headers: Headers,
  onProgress: UploadListener,
): Promise<Response> {
  const { signal } = request;
  signal.throwIfAborted();
  // A browser's Request from a FormData hands it back as a Blob that refers to the files, unread.
  const body = request.body === null ? null : await request.blob();
  return new Promise<Response>((resolve, reject) => {
    const xhr = new Xhr();
    const onAbort = () => xhr.abort();
    const settle = () => signal.removeEventListener("abort", onAbort);
    xhr.open(request.method, request.url);
    xhr.responseType = "blob";
    xhr.withCredentials = request.credentials === "include";
    for (const [name, value] of headers) xhr.setRequestHeader(name, value);
    const total = body?.size;
    xhr.upload.onprogress = (event) =>
      onProgress({ sent: event.loaded, total: event.lengthComputable ? event.total : total });
    xhr.upload.onload = () => onProgress({ sent: total ?? 0, total });
    xhr.onload = () => {
      settle();
      // Status 0 or 1xx: no HTTP answer (XHR follows redirects itself).
      if (xhr.status < 200) return reject(new TypeError(`Upload to ${request.url} failed`));
      const status = xhr.status;
      resolve(
        new Response(NULL_BODY.has(status) ? null : (xhr.response as Blob | null), {
          status,
          statusText: xhr.statusText,
          headers: responseHeaders(xhr.getAllResponseHeaders()),
        }),
      );
    };
    xhr.onerror = xhr.ontimeout = () => {
      settle();
      reject(new TypeError(`Upload to ${request.url} failed`));
    };
    xhr.onabort = () => {
      settle();
      reject(signal.reason ?? new DOMException("The upload was aborted", "AbortError"));
    };
    signal.addEventListener("abort", onAbort, { once: true });
    xhr.send(body);
  });
}

/**
 * A `fetch` for `createCambClient({ fetch })` in a browser that reports upload progress: fetch cannot (it has
 * no upload events, and Chromium streams a request body only over HTTP/2), so an upload started by
 * `useCreateAndWait` goes through XMLHttpRequest, whose `upload` events feed the hook's `progress.upload`
 * and `onUploadProgress`. Every other request goes through `options.fetch` (the global fetch) untouched, so
 * streamed responses (speech, result audio) still stream.
 */
export function createUploadFetch(options: UploadFetchOptions = {}): (request: Request) => Promise<Response> {
  installUploadTagger(tagRequests);
  return (request) => {
    const id = request.headers.get(UPLOAD_HEADER);
    const send = options.fetch ?? ((input: Request) => globalThis.fetch(input));
    if (id === null) return send(request);
    // Copied entry by entry: `new Headers(otherHeaders)` drops entries in some DOM implementations (happy-dom).
    const headers = new Headers();
    for (const [name, value] of request.headers)
      if (name.toLowerCase() !== UPLOAD_HEADER) headers.append(name, value);
    const listener = listenerOf(id);
    const Xhr = options.XMLHttpRequest ?? globalThis.XMLHttpRequest;
    if (!listener || !Xhr) return send(new Request(request, { headers, duplex: "half" } as RequestInit));
    return sendWithProgress(Xhr, request, headers, listener);
  };
}
