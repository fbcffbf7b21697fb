// A real HTTP server on 127.0.0.1 that parses every multipart request with busboy and records what it got.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import Busboy, { type BusboyHeaders } from "@fastify/busboy";
import { startServer, type TestServer } from "../../../../tests/support/http-server.js";

export interface ReceivedPart {
  name: string;
  /** A text part's value. */
  value?: string;
  /** A file part's filename, Content-Type, length and SHA-256. */
  filename?: string;
  type?: string;
  size?: number;
  sha256?: string;
}

export interface ReceivedUpload {
  headers: IncomingMessage["headers"];
  parts: ReceivedPart[];
  /** Bytes of the body as it arrived on the wire. */
  bytes: number;
}

/** Parses a request's multipart body with busboy (a real parser, not ours), counting the bytes on the wire. */
export function parseUpload(request: IncomingMessage): Promise<ReceivedUpload> {
  return new Promise((resolve, reject) => {
    const parts: ReceivedPart[] = [];
    const files: Promise<void>[] = [];
    let bytes = 0;
    request.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
    });
    const parser = new Busboy({ headers: request.headers as BusboyHeaders });
    parser.on("field", (name, value) => parts.push({ name, value }));
    parser.on("file", (name, stream, filename, _encoding, type) => {
      const part: ReceivedPart = { name, filename, type, size: 0 };
      parts.push(part);
      const hash = createHash("sha256");
      files.push(
        new Promise((done, fail) => {
          stream.on("data", (chunk: Buffer) => {
            part.size = (part.size ?? 0) + chunk.length;
            hash.update(chunk);
          });
          stream.on("end", () => {
            part.sha256 = hash.digest("hex");
            done();
          });
          stream.on("error", fail);
        }),
      );
    });
    parser.on("finish", () =>
      Promise.all(files).then(() => resolve({ headers: request.headers, parts, bytes })),
    );
    parser.on("error", reject);
    request.on("error", reject);
    request.pipe(parser);
  });
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export type Answer = (
  upload: ReceivedUpload,
  index: number,
) => { status?: number; body?: unknown; headers?: Record<string, string> };

export interface UploadServer extends TestServer {
  /** Every upload parsed, in order. */
  uploads: ReceivedUpload[];
  /** How the next requests are answered: a status, a JSON body (default 200 `{"voice_id": 1}`), headers. */
  answer: Answer;
}

/** A server that parses each request; requests that are not multipart are recorded with no parts. */
export async function startUploadServer(): Promise<UploadServer> {
  const uploads: ReceivedUpload[] = [];
  const server: UploadServer = {
    ...(await startServer(async (request: IncomingMessage, response: ServerResponse) => {
      const multipart = request.headers["content-type"]?.startsWith("multipart/form-data");
      const upload = multipart ? await parseUpload(request) : await skipped(request);
      const index = uploads.push(upload) - 1;
      const { status = 200, body = { voice_id: 1 }, headers } = server.answer(upload, index);
      response
        .writeHead(status, { "content-type": "application/json", ...headers })
        .end(JSON.stringify(body));
    })),
    uploads,
    answer: () => ({}),
  };
  return server;
}

async function skipped(request: IncomingMessage): Promise<ReceivedUpload> {
  let bytes = 0;
  for await (const chunk of request) bytes += (chunk as Buffer).length;
  return { headers: request.headers, parts: [], bytes };
}
