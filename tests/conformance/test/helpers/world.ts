// The invented family's facts, read from the fixture-generated table (never retyped here), and a sandbox
// over real HTTP that serves the fixture spec.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CambClient, createCambClient, families } from "@camb-kit/client";
import { type RunningSandbox, startSandbox } from "@camb-kit/sandbox";

/** The family the fixture invents: the one name of the generated table that the real spec does not have. */
export const FAMILY = "text-to-jingle";
export const jingle = families[FAMILY];
/**
 * Shaped like a real key, not a word: every key a client holds is redacted wherever it appears in errors and
 * CLI output, temp paths included.
 */
export const TEST_KEY = "sk-conformance-7f3a9c";

export interface World {
  sandbox: RunningSandbox;
  camb: CambClient;
  dir: string;
}

export async function openWorld(): Promise<World> {
  const sandbox = await startSandbox({ port: 0, pendingPolls: 1 });
  const camb = createCambClient({ apiKey: TEST_KEY, baseUrl: sandbox.url, retry: false });
  return { sandbox, camb, dir: await mkdtemp(join(tmpdir(), "camb-conformance-")) };
}

/** How the sandbox was called, as `METHOD /path` without the base path. */
export function callsTo(sandbox: RunningSandbox, pathPrefix: string): string[] {
  return sandbox.requests
    .filter((request) => request.path.startsWith(pathPrefix))
    .map((request) => `${request.method} ${request.path}`);
}
