// A `camb sandbox` in a process of its own, which outlives the batch runs a test kills and restarts.
import { spawn } from "node:child_process";
import { CAMB_BIN } from "./batch-run.js";

export interface SandboxProcess {
  url: string;
  /** Stops it with SIGINT and resolves with its exit code. */
  stop(): Promise<number | null>;
}

/** Starts `camb sandbox --port 0 …flags` and resolves once it printed its URL. */
export async function startSandboxProcess(flags: string[]): Promise<SandboxProcess> {
  const child = spawn(process.execPath, [CAMB_BIN, "sandbox", "--port", "0", ...flags], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
      const line = /^(http:\/\/\S+)\n/.exec(stdout);
      if (line?.[1]) resolve(line[1]);
    });
    void exited.then((code) => reject(new Error(`camb sandbox exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    stop() {
      child.kill("SIGINT");
      return exited;
    },
  };
}
