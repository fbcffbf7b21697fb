// What every command runs with: an explicit base URL, else the real API with CAMB_API_KEY, else the sandbox.
import { type CambClient, createCambClient } from "@camb-kit/client";
import { withoutCredentials } from "@camb-kit/client/internal";
import type { PollOptions } from "@camb-kit/polling";
import { startSandbox } from "@camb-kit/sandbox";
import { createReporter, type Reporter } from "./progress.js";

export interface GlobalOptions {
  sandbox?: boolean;
  baseUrl?: string;
  realtimeUrl?: string;
  json?: boolean;
  quiet?: boolean;
}

/** What every command works with: a client, the interrupt signal, where progress goes, how to poll. */
export interface Context {
  client: CambClient;
  signal: AbortSignal;
  reporter: Reporter;
  json: boolean;
  /** Set when the embedded sandbox answers instead of the real API. */
  sandboxUrl: string | undefined;
  poll: Pick<PollOptions, "intervalMs" | "maxIntervalMs">;
  close(): Promise<void>;
}

/** The key the CLI gives its embedded sandbox: long, so redacting it can never mangle a message. */
const EMBEDDED_SANDBOX_KEY = "camb-cli-embedded-sandbox-key";

/**
 * Who answers, in this order: `--sandbox` (the embedded sandbox, always); an explicit base URL (`--base-url`
 * or CAMB_BASE_URL: your proxy, which holds the key, or a `camb sandbox` in another process), with
 * CAMB_API_KEY when set; the real API with CAMB_API_KEY; and with neither a key nor a base URL the embedded
 * sandbox, so every command works out of the box. Anything but the real API with a key is said on stderr.
 * The realtime host (`--realtime-url` or CAMB_REALTIME_URL) is the spec's unless given; the embedded
 * sandbox serves it too.
 */
export async function openContext(options: GlobalOptions, signal: AbortSignal): Promise<Context> {
  const reporter = createReporter(process.stderr, options.quiet);
  const apiKey = process.env.CAMB_API_KEY || undefined;
  const baseUrl = options.baseUrl ?? (process.env.CAMB_BASE_URL || undefined);
  // The WebSocket sessions of the realtime host (live transcription, translation); live TTS follows baseUrl.
  const realtimeBaseUrl = options.realtimeUrl ?? (process.env.CAMB_REALTIME_URL || undefined);
  const base = { signal, reporter, json: Boolean(options.json) };

  if (!options.sandbox && (apiKey || baseUrl)) {
    const client = createCambClient({
      apiKey,
      ...(baseUrl ? { baseUrl } : {}),
      ...(realtimeBaseUrl ? { realtimeBaseUrl } : {}),
    });
    if (baseUrl) {
      const which = options.baseUrl ? "--base-url" : "CAMB_BASE_URL";
      const key = apiKey ? "with CAMB_API_KEY" : "without a key (CAMB_API_KEY is not set)";
      process.stderr.write(`${which}: calling ${withoutCredentials(baseUrl)} ${key}\n`);
    }
    return { ...base, client, sandboxUrl: undefined, poll: {}, close: async () => {} };
  }
  const sandbox = await startSandbox({ port: 0 });
  const why = options.sandbox ? "--sandbox" : "neither CAMB_API_KEY nor a base URL is set";
  process.stderr.write(
    `${why}: using the embedded sandbox at ${sandbox.url} (local, no credits, synthetic audio)\n`,
  );
  return {
    ...base,
    client: createCambClient({
      apiKey: EMBEDDED_SANDBOX_KEY,
      baseUrl: sandbox.url,
      realtimeBaseUrl: sandbox.realtimeUrl,
    }),
    sandboxUrl: sandbox.url,
    // The sandbox finishes tasks in a poll or two: check often so the tour stays quick.
    poll: { intervalMs: 100, maxIntervalMs: 500 },
    close: () => sandbox.close(),
  };
}
