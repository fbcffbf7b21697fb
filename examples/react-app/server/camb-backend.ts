// The Vite plugin that holds the API key: createCambProxy at /api/camb (REST and the live sessions' WebSockets),
// or a local sandbox without a key.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { families } from "@camb-kit/client";
import { createCambProxy, DEFAULT_PROXY_ALLOW, type NodeProxyHandler, toNodeHandler } from "@camb-kit/node";
import { type RunningSandbox, startSandbox } from "@camb-kit/sandbox";
import type { Plugin } from "vite";

/** Where the browser reaches the API: the proxy's default prefix. */
export const PROXY_PREFIX = "/api/camb";

export interface CambBackendOptions {
  /** The key the server adds upstream. Default: `CAMB_API_KEY`; without one, a local sandbox is started. */
  apiKey?: string | undefined;
  /** The API to forward to. Default: `CAMB_BASE_URL`, else the real API (or the sandbox, without a key). */
  baseUrl?: string | undefined;
  /**
   * The realtime host live transcription goes to. Default: `CAMB_REALTIME_URL`, else the real one (or the
   * sandbox's, without a key). Live TTS goes to `baseUrl`.
   */
  realtimeBaseUrl?: string | undefined;
}

/** What the page may call: every read, plus the spending operations and live sessions its panels start. */
export const PAGE_ALLOW = [
  ...DEFAULT_PROXY_ALLOW,
  "streamSpeech",
  families.tts.operations.create,
  families.dub.operations.create,
  families.transcription.operations.create,
  "liveSpeech",
  "liveTranscription",
] as const;

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * The part of the app that holds the key: `createCambProxy` mounted on Vite's dev and preview servers at
 * /api/camb. The browser only ever talks to this origin. Besides the proxy's read-only default, the page may
 * do exactly what its panels do, each of which spends credits: stream speech, create speech tasks, dub a
 * video and upload media for transcription (the upload streams through the proxy, never held whole), and
 * open live TTS and live transcription sessions, whose WebSockets the proxy relays from the server's
 * `upgrade` event (Vite's own HMR socket is left alone: the relay answers only paths under /api/camb).
 */
export function cambBackend(options: CambBackendOptions = {}): Plugin {
  let sandbox: RunningSandbox | undefined;

  async function proxyHandler(): Promise<NodeProxyHandler> {
    let apiKey = options.apiKey ?? process.env.CAMB_API_KEY;
    let baseUrl = options.baseUrl ?? process.env.CAMB_BASE_URL;
    let realtimeBaseUrl = options.realtimeBaseUrl ?? process.env.CAMB_REALTIME_URL;
    if (!apiKey) {
      // No key: a stand-in API on loopback, so the example runs anywhere. Tasks take two polls to finish.
      sandbox = await startSandbox({ port: 0, pendingPolls: 2 });
      apiKey = "sandbox-key";
      baseUrl = sandbox.url;
      realtimeBaseUrl = sandbox.realtimeUrl;
      console.log(`camb-kit example: no CAMB_API_KEY, using the sandbox at ${sandbox.url}`);
    }
    return toNodeHandler(createCambProxy({ apiKey, baseUrl, realtimeBaseUrl, allow: PAGE_ALLOW }));
  }

  /** REST through Vite's middleware stack; the live sessions' WebSockets on the server's `upgrade`. */
  async function mount(middlewares: { use(middleware: Middleware): unknown }, httpServer: Server | null) {
    const handle = await proxyHandler();
    middlewares.use((req, res, next) => {
      const path = req.url ?? "/";
      if (path === PROXY_PREFIX || path.startsWith(`${PROXY_PREFIX}/`)) void handle(req, res);
      else next();
    });
    httpServer?.on("upgrade", handle.upgrade);
    httpServer?.once("close", () => void close());
  }

  const close = async () => {
    await sandbox?.close();
    sandbox = undefined;
  };

  return {
    name: "camb-backend",
    async configureServer(server) {
      await mount(server.middlewares, server.httpServer as Server | null);
    },
    async configurePreviewServer(server) {
      await mount(server.middlewares, server.httpServer as Server);
    },
  };
}
