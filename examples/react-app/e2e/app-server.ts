// Serves the built example app with `vite preview` and the key-holding backend, for the browser tests.
import { fileURLToPath } from "node:url";
import { type PreviewServer, preview } from "vite";
import { cambBackend } from "../server/camb-backend.js";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * The built app (`vite build` runs before the suite) served by `vite preview`, with the same backend plugin
 * as `vite dev`: createCambProxy holding `apiKey`, forwarding to `baseUrl` (and live sessions to
 * `realtimeBaseUrl`).
 */
export async function startApp(
  apiKey: string,
  baseUrl: string,
  realtimeBaseUrl?: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: PreviewServer = await preview({
    root,
    configFile: false,
    logLevel: "warn",
    preview: { host: "127.0.0.1", port: 0, strictPort: false, open: false },
    plugins: [cambBackend({ apiKey, baseUrl, realtimeBaseUrl })],
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("vite preview did not report a URL");
  return { url, close: () => server.close() };
}
