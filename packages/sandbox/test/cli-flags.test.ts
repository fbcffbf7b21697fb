// The sandbox's flags, shared by `camb-sandbox` and `camb sandbox`: read into startSandbox options, refused
// with the flag's name, and obeyed by the built bin (the request log over HTTP included).
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { apiKeyHeader, operations } from "@camb-kit/client/spec";
import { describe, expect, test } from "vitest";
import { CONTROL_PREFIX, sandboxFlags, sandboxOptionsFromFlags } from "../src/internal.js";

describe("sandboxOptionsFromFlags", () => {
  test("reads every flag of the table into its option", () => {
    expect(
      sandboxOptionsFromFlags({
        port: "4010",
        host: "0.0.0.0",
        latency: "100-400",
        fault: ["status=503:getSpeechResult@1", "reset:storage"],
        pendingPolls: "3",
        pendingMs: "1500",
        outcome: "ERROR",
        apiKey: ["a", "b"],
        seed: "7",
        urlTtl: "60000",
      }),
    ).toEqual({
      port: 4010,
      host: "0.0.0.0",
      latencyMs: { min: 100, max: 400 },
      faults: [
        { kind: "status", status: 503, route: "getSpeechResult", nth: [1] },
        { kind: "reset", route: "storage" },
      ],
      pendingPolls: 3,
      pendingMs: 1500,
      outcome: "ERROR",
      apiKeys: ["a", "b"],
      seed: 7,
      urlTtlMs: 60000,
    });
    // Every flag has a key the values object knows, and help text.
    expect(new Set(sandboxFlags.map((flag) => flag.key)).size).toBe(sandboxFlags.length);
  });

  test("with no flags: 127.0.0.1 on a free port and the sandbox's own defaults", () => {
    expect(sandboxOptionsFromFlags({})).toEqual({ port: 0, host: "127.0.0.1" });
  });

  test.each([
    [{ port: "70000" }, RangeError, /--port must be an integer 0-65535, got "70000"/],
    [{ port: "abc" }, RangeError, /--port/],
    [{ pendingPolls: "-1" }, RangeError, /--pending-polls/],
    [{ pendingMs: "soon" }, RangeError, /--pending-ms must be a number of milliseconds/],
    [{ outcome: "PENDING" }, RangeError, /--outcome must be one of SUCCESS, ERROR/],
    [{ urlTtl: "" }, RangeError, /--url-ttl/],
    [{ fault: ["explode"] }, TypeError, /--fault: Unknown fault kind "explode"/],
    [{ latency: "fast" }, TypeError, /--latency: Cannot parse latency "fast"/],
  ])("refuses %o, naming the flag", (values, errorClass, message) => {
    expect(() => sandboxOptionsFromFlags(values)).toThrow(errorClass);
    expect(() => sandboxOptionsFromFlags(values)).toThrow(message);
  });
});

const cli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));

/** Starts the built bin with `args` and answers its URL once it prints it. */
async function startBin(args: string[]) {
  const child = spawn(process.execPath, [cli, ...args]);
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once("exit", (code) => reject(new Error(`exited early with ${code}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    url,
    stop() {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

describe("camb-sandbox bin (built) with the shared flags", () => {
  test("obeys --api-key, --outcome and --pending-polls, and serves its request log", async () => {
    const bin = await startBin(["--api-key", "only-this", "--outcome", "ERROR", "--pending-polls", "0"]);
    const create = (key: string) =>
      fetch(`${bin.url}${operations.createSoundTask.path}`, {
        method: "POST",
        headers: { [apiKeyHeader]: key, "content-type": "application/json" },
        body: JSON.stringify({ prompt: "rain", duration: 1 }),
      });
    expect((await create("another")).status).toBe(401);
    const created = await create("only-this");
    expect(created.status).toBe(200);
    const { task_id } = (await created.json()) as { task_id: string };
    const statusPath = operations.getSoundTaskStatus.path.replace("{task_id}", task_id);
    const status = await fetch(`${bin.url}${statusPath}`, { headers: { [apiKeyHeader]: "only-this" } });
    expect(((await status.json()) as { status: string }).status).toBe("ERROR");

    const log = await fetch(`${bin.url}${CONTROL_PREFIX}/requests?operation=createSoundTask`);
    expect(((await log.json()) as unknown[]).length).toBe(2);
    expect(await bin.stop()).toBe(0);
  });

  test("a bad flag exits 1 naming it, before listening", async () => {
    const child = spawn(process.execPath, [cli, "--outcome", "MAYBE"]);
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toContain("--outcome must be one of");
  });
});
