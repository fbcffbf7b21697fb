// `camb sandbox` through the built binary: the same flags as `camb-sandbox`, state kept across the commands
// other processes run against it, and its request log over HTTP.
import { operations } from "@camb-kit/client/spec";
import { CONTROL_PREFIX } from "@camb-kit/sandbox/internal";
import { afterEach, expect, test, vi } from "vitest";
import { ExitCode } from "../src/exit-codes.js";
import { BIN, camb, start } from "./helpers/run-bin.js";

let running: ReturnType<typeof start> | undefined;
afterEach(async () => {
  running?.child.kill("SIGINT");
  await running?.finished;
  running = undefined;
});

async function serve(args: string[]): Promise<string> {
  running = start(BIN, ["sandbox", ...args]);
  const current = running;
  await vi.waitFor(() => expect(current.output().stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\n/), {
    timeout: 20_000,
  });
  // The first line is the API base (the second, the realtime sessions' base).
  return current.output().stdout.split("\n")[0] ?? "";
}

test("takes the sandbox's flags: faults, api keys and outcome, as camb-sandbox does", async () => {
  const url = await serve([
    "--fault",
    "status=503:listVoices@1",
    "--fault",
    "latency=1:listVoices",
    "--api-key",
    "key-one",
    "--api-key",
    "key-two",
    "--outcome",
    "ERROR",
    "--seed",
    "3",
  ]);
  expect(running?.output().stderr).toContain("only the 2 --api-key value(s) accepted");
  const voices = (key: string) =>
    fetch(`${url}${operations.listVoices.path}`, { headers: { "x-api-key": key } });
  expect((await voices("key-one")).status).toBe(503);
  expect((await voices("key-two")).status).toBe(200);
  expect((await voices("another")).status).toBe(401);
  // A task created by one process ends as --outcome says, seen by the next one (the state is kept).
  const env = { CAMB_API_KEY: "key-one", CAMB_BASE_URL: url };
  const sound = await camb(["sound", "rain", "--duration", "1", "-o", "-"], env);
  expect(sound.code).toBe(ExitCode.taskFailed);
  expect(sound.stderr).toMatch(/ended in ERROR/);
  const log = (await (await fetch(`${url}${CONTROL_PREFIX}/requests`)).json()) as { operationId?: string }[];
  expect(log.map((request) => request.operationId)).toEqual(
    expect.arrayContaining(["listVoices", "createSoundTask", "getSoundTaskStatus"]),
  );
});

test("a flag that does not read exits 2 naming it, before listening", async () => {
  const result = await camb(["sandbox", "--pending-polls", "many"]);
  expect(result.code).toBe(ExitCode.badInput);
  expect(result.stderr).toContain("--pending-polls must be an integer 0-");
  expect(result.stdout).toBe("");
});
