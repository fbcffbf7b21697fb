// Test tools for uploads through the proxy: a multipart body sent in steps, and a TCP tap that tells when
// the API side has received a given number of bytes.
import { createConnection, createServer, type Socket } from "node:net";
import { deferred } from "../../../../tests/support/http-server.js";

const encoder = new TextEncoder();

/** A multipart/form-data body, split where the test wants to pause: text fields, then one file's bytes. */
export function multipartParts(
  fields: Record<string, string>,
  file: { field: string; name: string; type: string; bytes: Uint8Array },
  boundary = "camb-kit-proxy-test-boundary",
) {
  let head = "";
  for (const [name, value] of Object.entries(fields)) {
    head += `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  }
  head += `--${boundary}\r\ncontent-disposition: form-data; name="${file.field}"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    head: encoder.encode(head),
    file: file.bytes,
    tail: encoder.encode(`\r\n--${boundary}--\r\n`),
  };
}

/** A request body that sends `chunks` one by one, awaiting each gate (if any) before the chunk after it. */
export function gatedBody(chunks: Uint8Array[], gates: (Promise<unknown> | undefined)[] = []) {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (index >= chunks.length) return controller.close();
      await gates[index - 1];
      controller.enqueue(chunks[index++]!);
    },
  });
}

export interface Tap {
  /** Where to send requests instead of `target`. */
  url: string;
  /** Bytes that went through towards the target so far, on every connection. */
  readonly upstreamBytes: number;
  /** Resolves once at least `bytes` went through towards the target. */
  received(bytes: number): Promise<void>;
  /** Resolves once `count` connections (in all) have been closed by the client's side. */
  closed(count: number): Promise<void>;
  close(): Promise<void>;
}

/** A TCP relay in front of `target` (an http://127.0.0.1:port URL) that counts the bytes sent to it. */
export async function tapInFront(target: string): Promise<Tap> {
  const { hostname, port } = new URL(target);
  let upstreamBytes = 0;
  const waiting: { bytes: number; resolve: () => void }[] = [];
  const sockets = new Set<Socket>();
  let closedCount = 0;
  const closeWaiters: { count: number; resolve: () => void }[] = [];
  const server = createServer((client) => {
    client.on("close", () => {
      closedCount++;
      for (const wait of closeWaiters.filter((w) => closedCount >= w.count)) {
        closeWaiters.splice(closeWaiters.indexOf(wait), 1);
        wait.resolve();
      }
    });
    const api = createConnection({ host: hostname, port: Number(port) });
    for (const socket of [client, api]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {
        client.destroy();
        api.destroy();
      });
    }
    client.on("data", (chunk: Buffer) => {
      upstreamBytes += chunk.length;
      for (const wait of waiting.filter((w) => upstreamBytes >= w.bytes)) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.resolve();
      }
    });
    client.pipe(api);
    api.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    get upstreamBytes() {
      return upstreamBytes;
    },
    received(bytes) {
      if (upstreamBytes >= bytes) return Promise.resolve();
      const wait = deferred();
      waiting.push({ bytes, resolve: wait.resolve });
      return wait.promise;
    },
    closed(count) {
      if (closedCount >= count) return Promise.resolve();
      const wait = deferred();
      closeWaiters.push({ count, resolve: wait.resolve });
      return wait.promise;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
