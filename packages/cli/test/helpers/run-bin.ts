// Runs the built CLI (bin or demo) in a child process without a TTY or API key and collects its output.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../../dist/bin.js", import.meta.url));
export const DEMO = fileURLToPath(new URL("../../dist/demo.js", import.meta.url));

export interface Finished {
  code: number | null;
  stdout: string;
  /** stdout as bytes, for audio written there (`-o -`). */
  stdoutBytes: Buffer;
  stderr: string;
}

/** Runs a script of the built CLI in a child process (as a user would), without a TTY. */
export function start(
  script: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  cwd?: string,
) {
  const child: ChildProcess = spawn(process.execPath, [script, ...args], {
    cwd,
    env: { ...process.env, CAMB_API_KEY: undefined, CAMB_BASE_URL: undefined, NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const chunks: Buffer[] = [];
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    chunks.push(chunk);
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const finished = new Promise<Finished>((resolve) => {
    child.on("close", (code) => resolve({ code, stdout, stdoutBytes: Buffer.concat(chunks), stderr }));
  });
  return { child, finished, output: () => ({ stdout, stderr }) };
}

export const camb = (args: string[], env?: Record<string, string | undefined>, cwd?: string) =>
  start(BIN, args, env, cwd).finished;
