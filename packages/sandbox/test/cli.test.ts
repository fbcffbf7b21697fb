// The `camb-sandbox` CLI: its fault and latency syntax, and the built bin serving until SIGINT or SIGTERM.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { parseFault, parseLatency } from "../src/cli/parse-fault.js";

describe("camb-sandbox fault syntax", () => {
  test.each([
    ["status=503", { kind: "status", status: 503 }],
    [
      "status=429/2:getSpeechResult",
      { kind: "status", status: 429, retryAfter: "2", route: "getSpeechResult" },
    ],
    ["reset:storage@1,3", { kind: "reset", route: "storage", nth: [1, 3] }],
    ["truncate=1024:streamSpeech", { kind: "truncate", afterBytes: 1024, route: "streamSpeech" }],
    ["stall=1024/30000", { kind: "stall", afterBytes: 1024, ms: 30000 }],
    ["latency=250%0.5", { kind: "latency", ms: 250, probability: 0.5 }],
    ["malformed-json:listVoices", { kind: "malformed-json", route: "listVoices" }],
    ["unknown-status", { kind: "unknown-status" }],
  ])("%s", (text, rule) => {
    expect(parseFault(text)).toEqual(rule);
  });

  test("bad specs are refused with a message", () => {
    expect(() => parseFault("explode")).toThrow(/Unknown fault kind/);
    expect(() => parseFault("status")).toThrow(/needs a status/);
    expect(() => parseFault("stall=10")).toThrow(/bytes\/ms/);
    expect(parseLatency("100-400")).toEqual({ min: 100, max: 400 });
    expect(parseLatency("50")).toBe(50);
  });
});

const cli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));

// The bin is the built file: turbo's `test` task builds the package first (run `pnpm build` before a bare
// `vitest`). A missing build fails here rather than skipping, so the bin is always tested.
describe("camb-sandbox bin (built)", () => {
  test.each(["SIGINT", "SIGTERM"] as const)("prints its URL, serves, and exits 0 on %s", async (signal) => {
    const child = spawn(process.execPath, [cli, "--port", "0", "--fault", "status=503:listVoices@1"]);
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
      child.once("exit", (code) => reject(new Error(`exited early with ${code}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const headers = { "x-api-key": "k" };
    expect((await fetch(`${url}/list-voices`, { headers })).status).toBe(503);
    expect((await fetch(`${url}/list-voices`, { headers })).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill(signal);
    expect(await exited).toBe(0);
  });
});
