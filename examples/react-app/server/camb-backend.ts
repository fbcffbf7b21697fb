// The Vite plugin that holds the API key: createCambProxy at /api/camb, or a local sandbox without a key.
import type { IncomingMessage, ServerResponse } from "node:http";
import { families } from "@camb-kit/client";
import { createCambProxy, DEFAULT_PROXY_ALLOW, toNodeHandler } from "@camb-kit/node";
import { type RunningSandbox, startSandbox } from "@camb-kit/sandbox";
import type { Plugin } from "vite";

/** Where the browser reaches the API: the proxy's default prefix. */
export const PROXY_PREFIX = "/api/camb";

export interface CambBackendOptions {
  /** The key the server adds upstream. Default: `CAMB_API_KEY`; without one, a local sandbox is started. */
  apiKey?: string | undefined;
  /** The API to forward to. Default: `CAMB_BASE_URL`, else the real API (or the sandbox, without a key). */
  baseUrl?: string | undefined;
}

/** What the page may call: every read, plus the spending operations its panels start. */
export const PAGE_ALLOW = [
  ...DEFAULT_PROXY_ALLOW,
  "streamSpeech",
  families.tts.operations.create,
  families.dub.operations.create,
  families.transcription.operations.create,
] as const;

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * The part of the app that holds the key: `createCambProxy` mounted on Vite's dev and preview servers at
 * /api/camb. The browser only ever talks to this origin. Besides the proxy's read-only default, the page may
 * do exactly what its panels do, each of which spends credits: stream speech, create speech tasks, dub a
 * video and upload media for transcription (the upload streams through the proxy, never held whole).
 */
export function cambBackend(options: CambBackendOptions = {}): Plugin {
  let sandbox: RunningSandbox | undefined;

  async function middleware(): Promise<Middleware> {
    let apiKey = options.apiKey ?? process.env.CAMB_API_KEY;
    let baseUrl = options.baseUrl ?? process.env.CAMB_BASE_URL;
    if (!apiKey) {
      // No key: a stand-in API on loopback, so the example runs anywhere. Tasks take two polls to finish.
      sandbox = await startSandbox({ port: 0, pendingPolls: 2 });
      apiKey = "sandbox-key";
      baseUrl = sandbox.url;
      console.log(`camb-kit example: no CAMB_API_KEY, using the sandbox at ${sandbox.url}`);
    }
    const proxy = createCambProxy({ apiKey, baseUrl, allow: PAGE_ALLOW });
    const handle = toNodeHandler(proxy);
    return (req, res, next) => {
      const path = req.url ?? "/";
      if (path === PROXY_PREFIX || path.startsWith(`${PROXY_PREFIX}/`)) void handle(req, res);
      else next();
    };
  }

  const close = async () => {
    await sandbox?.close();
    sandbox = undefined;
  };

  return {
    name: "camb-backend",
    async configureServer(server) {
      server.middlewares.use(await middleware());
      server.httpServer?.once("close", () => void close());
    },
    async configurePreviewServer(server) {
      server.middlewares.use(await middleware());
      server.httpServer.once("close", () => void close());
    },
  };
}
