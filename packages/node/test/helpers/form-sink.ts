// A real 127.0.0.1 server that reads each multipart upload whole and keeps its parts, for byte-exact checks.
import type { IncomingMessage, ServerResponse } from "node:http";
import { startServer, type TestServer } from "../../../../tests/support/http-server.js";

export interface ReceivedUpload {
  contentLength: string | undefined;
  /** The body's own length, to hold against the announced Content-Length. */
  bodyBytes: number;
  form: FormData;
}

export interface FormSink extends TestServer {
  uploads: ReceivedUpload[];
}

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Answers every upload with `answer(attempt)` (default 200 `{ task_id }`) after reading its body, which it
 * parses with the runtime's own multipart parser (a Request's formData()), not the client's code.
 */
export async function startFormSink(
  answer: (attempt: number, response: ServerResponse) => void = (_, response) => {
    response.writeHead(200, { "content-type": "application/json" }).end('{"task_id":"sink-task"}');
  },
): Promise<FormSink> {
  const uploads: ReceivedUpload[] = [];
  const server = await startServer(async (request, response) => {
    const body = await bodyOf(request);
    const headers = { "content-type": String(request.headers["content-type"]) };
    const form = await new Request("http://sink/", {
      method: "POST",
      headers,
      body: new Uint8Array(body),
    }).formData();
    uploads.push({ contentLength: request.headers["content-length"], bodyBytes: body.length, form });
    answer(uploads.length, response);
  });
  return Object.assign(server, { uploads });
}
