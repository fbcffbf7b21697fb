// Runs the built `camb` with a pipe on stdin (text fed as a program would write it), for the live commands.
import { spawn } from "node:child_process";
import { BIN, type Finished } from "./run-bin.js";

/** A running `camb` whose stdin the test writes to, with its output so far and its end. */
export function startWithStdin(args: string[], env: Record<string, string | undefined> = {}, cwd?: string) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, CAMB_API_KEY: undefined, CAMB_BASE_URL: undefined, NO_COLOR: "1", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const chunks: Buffer[] = [];
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  // The child may exit (Ctrl-C, a refused key) before the test stops writing: that is no error here.
  child.stdin.on("error", () => {});
  const finished = new Promise<Finished>((resolve) => {
    child.on("close", (code) => {
      const stdoutBytes = Buffer.concat(chunks);
      resolve({ code, stdout: stdoutBytes.toString(), stdoutBytes, stderr });
    });
  });
  return { child, stdin: child.stdin, finished, stderr: () => stderr };
}
