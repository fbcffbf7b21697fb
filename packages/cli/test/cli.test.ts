// The built `camb` binary run as a user would: each command, exit codes, Ctrl-C cleanup, sandbox and demo.
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCambClient } from "@camb-kit/client";
import { createAndWait } from "@camb-kit/polling";
import { type RunningSandbox, startSandbox } from "@camb-kit/sandbox";
import { afterEach, describe, expect, test, vi } from "vitest";
import { ExitCode } from "../src/exit-codes.js";
import { BIN, camb, DEMO, start } from "./helpers/run-bin.js";

const temp = () => mkdtemp(join(tmpdir(), "camb-cli-"));
let external: RunningSandbox | undefined;
afterEach(async () => {
  await external?.close();
  external = undefined;
});

describe("with no key: the embedded sandbox", () => {
  test("tts streams speech to a file and reports what it is, as JSON", async () => {
    const dir = await temp();
    const result = await camb([
      "tts",
      "Hello from the command line",
      "--voice",
      "1",
      "-o",
      join(dir, "hi.mp3"),
      "--json",
    ]);
    expect(result.code).toBe(ExitCode.ok);
    expect(result.stderr).toContain("neither CAMB_API_KEY nor a base URL is set: using the embedded sandbox");
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ path: join(dir, "hi.mp3"), audio: { format: "mp3" } });
    expect(report.bytes).toBe(report.audio.bytes);
    expect(report.audio.durationSeconds).toBeGreaterThan(0.5);
  });

  test("sound waits for the task (progress as plain lines when not a TTY) and saves a WAV of the asked duration", async () => {
    const dir = await temp();
    const result = await camb([
      "sound",
      "rain on a roof",
      "--duration",
      "2",
      "-o",
      join(dir, "rain.wav"),
      "--json",
    ]);
    expect(result.code).toBe(ExitCode.ok);
    expect(result.stderr).toMatch(/text-to-sound: SUCCESS after \d+\.\d s/);
    const report = JSON.parse(result.stdout);
    expect(report.audio).toMatchObject({ format: "wav" });
    expect(report.audio.durationSeconds).toBeCloseTo(2, 1);
  });

  test("voice saves every preview, and voices/languages list", async () => {
    const dir = await temp();
    const description =
      "A bright young voice with a quick pace and a friendly tone, as if greeting an old friend at the door.";
    const designed = await camb(["voice", description, "--text", "Hi there!", "-o", dir, "--json"]);
    expect(designed.code).toBe(ExitCode.ok);
    const previews = JSON.parse(designed.stdout).previews;
    expect(previews.length).toBeGreaterThanOrEqual(2);
    expect((await readdir(dir)).length).toBe(previews.length);

    const voices = await camb(["voices", "--json"]);
    expect(JSON.parse(voices.stdout)[0]).toHaveProperty("voice_name");
    const languages = await camb(["languages"]);
    expect(languages.stdout).toMatch(/^\s+1\s+en-us\s+/m);
  });
});

describe("exit codes", () => {
  test("bad input exits 2 and writes nothing", async () => {
    const dir = await temp();
    const result = await camb(["sound", "rain", "--duration", "20", "-o", join(dir, "x.wav")]);
    expect(result.code).toBe(ExitCode.badInput);
    expect(result.stderr).toContain("--duration must be");
    expect(await readdir(dir)).toEqual([]);
    expect((await camb(["tts"])).code).toBe(ExitCode.badInput);
    expect((await camb(["no-such-command"])).code).toBe(ExitCode.badInput);
  });

  test("a failed task exits 4 with its reason", async () => {
    const dir = await temp();
    const result = await camb(["sound", "[sandbox:error] rain", "-o", join(dir, "x.wav")]);
    expect(result.code).toBe(ExitCode.taskFailed);
    expect(result.stderr).toMatch(/ended in ERROR \(\w+\)/);
    expect(await readdir(dir)).toEqual([]);
  });

  test("an API failure exits 3 (real-API mode via CAMB_API_KEY + CAMB_BASE_URL)", async () => {
    external = await startSandbox({
      port: 0,
      faults: [{ route: "listVoices", kind: "status", status: 500 }],
    });
    const result = await camb(["voices"], { CAMB_API_KEY: "k", CAMB_BASE_URL: external.url });
    expect(result.code).toBe(ExitCode.apiError);
    expect(result.stderr).toContain("CAMB API 500 on GET /list-voices");
    expect(result.stderr).not.toContain("embedded sandbox");
  });

  test("Ctrl-C mid-download exits 130 and leaves no partial or temp file", async () => {
    external = await startSandbox({
      port: 0,
      faults: [{ route: "streamSpeech", kind: "stall", afterBytes: 4096, ms: 600_000 }],
    });
    const dir = await temp();
    const running = start(
      BIN,
      [
        "tts",
        "A long sentence that takes a while to stream.",
        "--voice",
        "1",
        "--format",
        "wav",
        "-o",
        join(dir, "long.wav"),
      ],
      { CAMB_API_KEY: "k", CAMB_BASE_URL: external.url },
    );
    // Explicit signal, not a timer: wait until the bytes before the stall have been written to disk.
    await vi.waitFor(() => expect(running.output().stderr).toMatch(/long\.wav: 0\.0 MiB/), {
      timeout: 20_000,
    });
    running.child.kill("SIGINT");
    const result = await running.finished;
    expect(result.code).toBe(ExitCode.interrupted);
    expect(result.stderr).toContain("interrupted by SIGINT");
    expect(await readdir(dir)).toEqual([]);
  });
});

test("sandbox prints its URL, serves the API, and stops cleanly on Ctrl-C", async () => {
  const running = start(BIN, ["sandbox", "--port", "0"]);
  // The API base on the first line, the realtime sessions' base on the second.
  await vi.waitFor(
    () => expect(running.output().stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\nws:\/\/127\.0\.0\.1:\d+\n$/),
    { timeout: 20_000 },
  );
  const [url] = running.output().stdout.split("\n");
  const voices = await fetch(`${url}/list-voices`, { headers: { "x-api-key": "any" } });
  expect(voices.status).toBe(200);
  expect((await fetch(`${url}/list-voices`)).status).toBe(401);
  running.child.kill("SIGINT");
  expect((await running.finished).code).toBe(ExitCode.ok);
});

test("results downloads runs in bulk, one line per run id", async () => {
  external = await startSandbox({ port: 0 });
  const client = createCambClient({ apiKey: "k", baseUrl: external.url });
  const runs = await Promise.all(
    [1, 2, 3].map((n) =>
      createAndWait(client, "tts", { text: `line ${n}`, voice_id: 1, language: 1 }, { intervalMs: 5 }),
    ),
  );
  const dir = await temp();
  const ids = runs.map((run) => String(run.runId));
  const result = await camb(["results", "tts", ...ids, "-o", dir], {
    CAMB_API_KEY: "k",
    CAMB_BASE_URL: external.url,
  });
  expect(result.code).toBe(ExitCode.ok);
  for (const id of ids) expect(result.stdout).toMatch(new RegExp(`run ${id}: .*FLAC`));
  expect(external.requests.filter((request) => request.path.endsWith("/tts-results"))).toHaveLength(1);
});

test("the demo tour exits 0 and every file it lists decodes", async () => {
  const dir = await temp();
  const result = await start(DEMO, [join(dir, "tour")], {}, dir).finished;
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  expect(result.stdout).toContain("every file exists and decodes");
  expect(result.stdout).not.toContain("✗");
  expect(result.stdout.match(/✓/g)?.length).toBeGreaterThanOrEqual(10);
}, 60_000);
