// An XMLHttpRequest stand-in for happy-dom (whose own fires no upload events): it sends through the real
// fetch (so msw and the sandbox answer it) and reports upload progress as fetch pulls the body's chunks.

const CHUNK = 64 * 1024;

interface ProgressLike {
  loaded: number;
  total: number;
  lengthComputable: boolean;
}
type Handler = ((event: ProgressLike) => void) | null;

export class FakeXMLHttpRequest {
  static readonly instances: FakeXMLHttpRequest[] = [];
  /** Once this many bytes are sent, the upload stalls until it is aborted (a slow link, held still). */
  static stallAfterBytes = Infinity;
  readonly upload: { onprogress: Handler; onload: Handler } = { onprogress: null, onload: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  responseType = "";
  withCredentials = false;
  status = 0;
  statusText = "";
  response: Blob | null = null;
  /** Every progress the upload reported, in order. */
  readonly reported: number[] = [];
  private method = "GET";
  private url = "";
  private readonly headers = new Headers();
  private readonly controller = new AbortController();
  private responseHeaders = new Headers();

  constructor() {
    FakeXMLHttpRequest.instances.push(this);
  }

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers.set(name, value);
  }

  getAllResponseHeaders(): string {
    return [...this.responseHeaders].map(([name, value]) => `${name}: ${value}\r\n`).join("");
  }

  abort(): void {
    this.controller.abort();
  }

  send(body: Blob | null): void {
    void this.run(body);
  }

  private async run(body: Blob | null): Promise<void> {
    try {
      const response = await fetch(this.url, {
        method: this.method,
        headers: this.headers,
        body: body === null ? null : this.counted(body),
        signal: this.controller.signal,
        duplex: "half",
      } as RequestInit);
      this.status = response.status;
      this.statusText = response.statusText;
      this.responseHeaders = response.headers;
      this.response = await response.blob();
      this.onload?.();
    } catch {
      if (this.controller.signal.aborted) this.onabort?.();
      else this.onerror?.();
    }
  }

  /** The body as a stream of chunks; each chunk fetch pulls is reported as sent. */
  private counted(body: Blob): ReadableStream<Uint8Array> {
    const total = body.size;
    let sent = 0;
    return new ReadableStream({
      pull: async (controller) => {
        if (sent >= FakeXMLHttpRequest.stallAfterBytes) {
          const { signal } = this.controller;
          await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
          return;
        }
        if (sent >= total) {
          controller.close();
          this.upload.onload?.({ loaded: total, total, lengthComputable: true });
          return;
        }
        const chunk = new Uint8Array(await body.slice(sent, sent + CHUNK).arrayBuffer());
        sent += chunk.byteLength;
        controller.enqueue(chunk);
        this.reported.push(sent);
        this.upload.onprogress?.({ loaded: sent, total, lengthComputable: true });
      },
    });
  }
}
