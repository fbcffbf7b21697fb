// startSandbox: the sandbox's msw handlers served over real HTTP on node:http, imported only when called.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getResponse, type RequestHandler } from "msw";
import { SOCKET_MODE } from "../internal.js";
import { splitFaultRules } from "../realtime/realtime-context.js";
import { serveSandboxChannels } from "../realtime/sandbox-channels.js";
import { detail } from "../routes/respond.js";
import { createSandbox, type InternalSandboxOptions } from "../sandbox.js";
import type { RunningSandbox, StartSandboxOptions } from "../types.js";
import { serveControlRoute } from "./control-routes.js";
import { writeResponse } from "./write-response.js";

function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] ?? "";
    // Hop-by-hop headers describe this connection, not the request; undici refuses some of them.
    if (!/^(connection|keep-alive|transfer-encoding|upgrade|expect)$/i.test(name))
      headers.append(name, req.rawHeaders[i + 1] ?? "");
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  let reading = true;
  const body = hasBody
    ? new ReadableStream<Uint8Array>(
        {
          start(controller) {
            req.on("data", (chunk: Buffer) => {
              if (!reading) return;
              controller.enqueue(new Uint8Array(chunk));
              // A handler slower than the socket (an upload's analyser) pauses it instead of queueing here.
              if ((controller.desiredSize ?? 0) <= 0) req.pause();
            });
            req.on("end", () => reading && controller.close());
            req.on("error", (error) => reading && controller.error(error));
          },
          pull() {
            req.resume();
          },
          cancel() {
            // Whatever still arrives is dropped (enqueueing on a cancelled stream throws).
            reading = false;
            req.resume();
          },
        },
        new ByteLengthQueuingStrategy({ highWaterMark: 256 * 1024 }),
      )
    : undefined;
  return new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    body,
    signal,
    duplex: "half",
  } as RequestInit & { duplex: "half" });
}

async function handle(handlers: RequestHandler[], origin: string, req: IncomingMessage, res: ServerResponse) {
  const aborted = new AbortController();
  res.on("close", () => aborted.abort());
  try {
    const response =
      (await getResponse(handlers, toRequest(req, origin, aborted.signal))) ?? detail(404, "Not Found");
    await writeResponse(req, res, response);
  } catch (error) {
    if (res.headersSent) req.socket.destroy();
    else await writeResponse(req, res, detail(500, `Sandbox error: ${String(error)}`));
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/**
 * Serves the sandbox's msw handlers over real HTTP (through msw's `getResponse`), default 127.0.0.1 on a
 * free port. `node:http` is imported on call, so importing the package in a browser never touches it.
 */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const { createServer } = await import("node:http");
  const { port = 0, host = "127.0.0.1", baseUrl: _ignored, ...rest } = options;
  // Node closes an idle keep-alive socket after 5 s, and a client that reuses it at that moment gets
  // ECONNRESET: on a busy machine, where a test pauses for seconds between two calls, that happens (seen in
  // CI). A sandbox serves a few local clients, so idle sockets may stay open; close() ends them all anyway.
  const server = createServer({ keepAliveTimeout: 60_000 });
  await listen(server, port, host);
  const address = server.address() as AddressInfo;
  const wildcard = address.address === "0.0.0.0" || address.address === "::";
  const shown = wildcard ? "127.0.0.1" : address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${shown}:${address.port}`;
  // Fault rules naming a channel are the WebSocket server's; createSandbox would refuse their routes.
  const faults = splitFaultRules(rest.faults);
  const internal: InternalSandboxOptions = {
    ...rest,
    faults: faults.rest,
    baseUrl: url,
    [SOCKET_MODE]: true,
  };
  let sandbox: ReturnType<typeof createSandbox>;
  let channels: Awaited<ReturnType<typeof serveSandboxChannels>>;
  try {
    sandbox = createSandbox(internal);
    channels = await serveSandboxChannels(server, { ...rest, baseUrl: url }, faults.channels, sandbox);
  } catch (error) {
    server.close(); // bad options (an unknown fault route): no server is left listening
    throw error;
  }
  server.on("request", (req, res) => {
    if (!serveControlRoute(req, res, sandbox.requests)) void handle(sandbox.handlers, url, req, res);
  });
  let closing: Promise<void> | undefined;
  return {
    url,
    realtimeUrl: channels.realtimeUrl,
    requests: sandbox.requests,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        channels.close();
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections would hold close() open until they time out.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
