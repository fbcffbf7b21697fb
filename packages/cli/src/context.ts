// What every command runs with: the real API when CAMB_API_KEY is set (and no --sandbox), else the sandbox.
import { type CambClient, createCambClient } from "@camb-kit/client";
import type { PollOptions } from "@camb-kit/polling";
import { startSandbox } from "@camb-kit/sandbox";
import { createReporter, type Reporter } from "./progress.js";

export interface GlobalOptions {
  sandbox?: boolean;
  baseUrl?: string;
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

/**
 * With CAMB_API_KEY set, talks to the real API (or `--base-url`). Without a key, or with `--sandbox`, starts
 * the embedded sandbox in-process and says so on stderr, so every command works out of the box.
 */
export async function openContext(options: GlobalOptions, signal: AbortSignal): Promise<Context> {
  const reporter = createReporter(process.stderr, options.quiet);
  const apiKey = process.env.CAMB_API_KEY;
  const baseUrl = options.baseUrl ?? process.env.CAMB_BASE_URL;
  const base = { signal, reporter, json: Boolean(options.json) };

  if (apiKey && !options.sandbox) {
    return {
      ...base,
      client: createCambClient({ apiKey, ...(baseUrl ? { baseUrl } : {}) }),
      sandboxUrl: undefined,
      poll: {},
      close: async () => {},
    };
  }
  const sandbox = await startSandbox({ port: 0 });
  const why = options.sandbox ? "--sandbox" : "CAMB_API_KEY is not set";
  process.stderr.write(
    `${why}: using the embedded sandbox at ${sandbox.url} (local, no credits, synthetic audio)\n`,
  );
  return {
    ...base,
    client: createCambClient({ apiKey: "sandbox", baseUrl: sandbox.url }),
    sandboxUrl: sandbox.url,
    // The sandbox finishes tasks in a poll or two: check often so the tour stays quick.
    poll: { intervalMs: 100, maxIntervalMs: 500 },
    close: () => sandbox.close(),
  };
}
