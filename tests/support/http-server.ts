// A real HTTP server on 127.0.0.1 for tests of any package, with request recording, close detection and deferreds.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface TestServer {
  url: string;
  /** Every request received, in order. */
  requests: { method: string; path: string; headers: IncomingMessage["headers"] }[];
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 on an ephemeral port; `close()` also drops open connections (upgraded ones too). */
export async function listenOnLoopback<S extends Server>(
  server: S,
): Promise<{ url: string; server: S; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A real HTTP server on 127.0.0.1 with an ephemeral port; `close()` also drops open connections. */
export async function startServer(
  handler: (request: IncomingMessage, response: ServerResponse) => unknown,
): Promise<TestServer> {
  const requests: TestServer["requests"] = [];
  const server = createServer((request, response) => {
    requests.push({ method: request.method ?? "GET", path: request.url ?? "/", headers: request.headers });
    Promise.resolve(handler(request, response)).catch((error) => response.destroy(error));
  });
  const { url, close } = await listenOnLoopback(server);
  return { url, requests, close };
}

/** Resolves when the server-side response is closed; `finished` tells whether it ended normally. */
export function responseClosed(response: ServerResponse): Promise<{ finished: boolean }> {
  return new Promise((resolve) =>
    response.on("close", () => resolve({ finished: response.writableFinished })),
  );
}

/** A deferred promise, for steering a server from a test without sleeps. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
