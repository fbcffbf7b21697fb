// Multipart bodies made lazily (a 1 GiB file part is generated chunk by chunk, never held) and sent by node:http.
import { request as httpRequest } from "node:http";

export type Part =
  | { name: string; value: string; type?: string }
  | { name: string; filename: string; type: string; bytes: number; head?: Uint8Array };

const encoder = new TextEncoder();
const CHUNK = 1024 * 1024;

/** A multipart/form-data body: its Content-Type, exact length, and its bytes as a fresh lazy iterable. */
export interface LazyBody {
  contentType: string;
  length: number;
  chunks(): Iterable<Uint8Array>;
  stream(): ReadableStream<Uint8Array>;
}

function headerOf(part: Part): string {
  const disposition =
    "filename" in part
      ? `form-data; name="${part.name}"; filename="${part.filename}"`
      : `form-data; name="${part.name}"`;
  const type = part.type ? `\r\nContent-Type: ${part.type}` : "";
  return `Content-Disposition: ${disposition}${type}\r\n\r\n`;
}

/** File content: `head` first (a real header, say), then bytes of a repeating pattern up to `bytes`. */
function* fileBytes(part: Extract<Part, { bytes: number }>): Iterable<Uint8Array> {
  const head = part.head ?? new Uint8Array();
  if (head.length > 0) yield head.subarray(0, part.bytes);
  for (let sent = head.length; sent < part.bytes; sent += CHUNK) {
    const size = Math.min(CHUNK, part.bytes - sent);
    // A fresh chunk each time: the transport may still hold the previous one.
    yield new Uint8Array(size).fill(sent % 251);
  }
}

export function multipartBody(parts: readonly Part[], boundary = "camb-kit-test-boundary"): LazyBody {
  const pieces = (part: Part) => [`--${boundary}\r\n${headerOf(part)}`, "\r\n"] as const;
  let length = encoder.encode(`--${boundary}--\r\n`).length;
  for (const part of parts) {
    const [open, close] = pieces(part);
    const content = "bytes" in part ? part.bytes : encoder.encode(part.value).length;
    length += encoder.encode(open).length + content + close.length;
  }
  function* chunks(): Iterable<Uint8Array> {
    for (const part of parts) {
      const [open, close] = pieces(part);
      yield encoder.encode(open);
      if ("bytes" in part) yield* fileBytes(part);
      else yield encoder.encode(part.value);
      yield encoder.encode(close);
    }
    yield encoder.encode(`--${boundary}--\r\n`);
  }
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length,
    chunks,
    stream() {
      const iterator = chunks()[Symbol.iterator]();
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = iterator.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        },
      });
    },
  };
}

export interface Sent {
  status: number;
  body: string;
  /** Body bytes handed to the socket before the answer's headers arrived. */
  sentBeforeAnswer: number;
}

/**
 * POSTs chunks with node:http, with backpressure, and stops sending as soon as the answer arrives (as a
 * client does when a server answers early). Without a Content-Length header the body goes chunked.
 */
export function postChunks(
  url: string,
  headers: Record<string, string>,
  chunks: Iterable<Uint8Array>,
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(url, { method: "POST", headers });
    req.on("response", (res) => {
      answered = true;
      const sentBeforeAnswer = sent;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (text: string) => {
        body += text;
      });
      res.on("end", () => {
        req.destroy(); // what was not sent will not be
        resolve({ status: res.statusCode ?? 0, body, sentBeforeAnswer });
      });
      res.on("error", reject);
    });
    // A server that answers early and closes may reset the socket under the rest of the body.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const iterator = chunks[Symbol.iterator]();
    const pump = () => {
      while (!answered) {
        const next = iterator.next();
        if (next.done) {
          req.end();
          return;
        }
        sent += next.value.length;
        if (!req.write(next.value)) {
          req.once("drain", pump);
          return;
        }
      }
    };
    pump();
  });
}
