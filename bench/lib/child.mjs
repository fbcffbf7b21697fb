// Fresh processes: servers run in their own process (on the other core, so the server's work is not billed
// to the client being measured), and memory/throughput runs each get a new Node, so one run's heap, page
// cache warm-up or leaked buffers cannot help or hurt the next.
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";

/**
 * Starts `node script ...args`, waits for its first stdout line `{"url": ...}` and returns it with a stop().
 * @param {string} script absolute path
 * @param {string[]} [args]
 */
export async function startServerProcess(script, args = []) {
  const child = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout });
  const [first] = await Promise.race([
    once(lines, "line"),
    once(child, "exit").then(([code]) => {
      throw new Error(`${script} exited with ${code} before listening`);
    }),
  ]);
  const info = JSON.parse(first);
  return {
    ...info,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}

/**
 * Pins this process to CPU 0 and `serverPid` to CPU 1 where `taskset` exists (Linux), so the scheduler does
 * not move the two across cores mid-measurement: on a 2-core machine that migration is most of the noise of a
 * per-call CPU ratio. Best effort: without taskset, or with one core, it does nothing.
 * @param {number | undefined} serverPid
 */
export function pinToCores(serverPid) {
  try {
    execFileSync("taskset", ["-cp", "0", String(process.pid)], { stdio: "ignore" });
    if (serverPid !== undefined)
      execFileSync("taskset", ["-cp", "1", String(serverPid)], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `node [...nodeArgs] script ...args` to completion and parses the last stdout line as JSON.
 * @param {string} script
 * @param {string[]} [args]
 * @param {string[]} [nodeArgs]
 */
export async function runJsonProcess(script, args = [], nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk) => {
    out += chunk;
  });
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`${script} ${args.join(" ")} exited with ${code}`);
  const last = out.trim().split("\n").pop() ?? "";
  return JSON.parse(last);
}

/** Announces a listening server to startServerProcess. @param {import("node:http").Server} server */
export function announce(server, extra = {}) {
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${address.port}`, ...extra })}\n`);
  process.on("SIGTERM", () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
