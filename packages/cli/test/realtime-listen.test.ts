// `camb listen` through the built binary against the sandbox: its own live speech (made by `camb speak`) heard
// back word for word, from WAV and raw PCM; real-time pace against --fast, told apart by when each result
// arrived against the audio time it covers; JSON events; bad input.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { ExitCode } from "../src/exit-codes.js";
import { inspectAudio } from "../src/inspect-audio.js";
import { BIN, camb, start } from "./helpers/run-bin.js";

const SHORT = "A short line to hear.";
const LONG =
  "This is a longer passage of live speech. It has three sentences in it. Each one becomes a segment of its own.";
let dir: string;
let shortWav: string;
let longWav: string;

async function spoken(text: string, name: string): Promise<string> {
  const path = join(dir, name);
  const result = await camb(["speak", text, "--voice", "147320", "--format", "wav", "-o", path]);
  if (result.code !== 0) throw new Error(`speak failed: ${result.stderr}`);
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "camb-listen-"));
  [shortWav, longWav] = await Promise.all([spoken(SHORT, "short.wav"), spoken(LONG, "long.wav")]);
});

type Event = { type: string; receivedMs: number; is_final?: boolean; start?: number; duration?: number };
const events = (stdout: string): Event[] =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
const audioEnd = (event: Event) => ((event.start ?? 0) + (event.duration ?? 0)) * 1000;

describe("camb listen", () => {
  test("gives back the text of the sandbox's live speech, one final line per result (speak → listen)", async () => {
    const result = await camb(["listen", longWav, "--fast"]);
    expect(result.code).toBe(ExitCode.ok);
    expect(result.stdout.trim().split("\n").join(" ")).toBe(LONG);
    expect(result.stderr).toMatch(/s of audio heard in \d+\.\d s: \d+ final result/);
  });

  test("raw PCM with its layout given on the command line is heard the same", async () => {
    const info = await inspectAudio(longWav);
    const wav = await readFile(longWav);
    const pcm = join(dir, "long.pcm");
    // The sandbox's WAV has a 44-byte header when it carries no INFO list; find "data" to be sure.
    const data = wav.indexOf("data") + 8;
    await writeFile(pcm, wav.subarray(data));
    const result = await camb([
      "listen",
      pcm,
      "--fast",
      "--sample-rate",
      String(info.sampleRate),
      "--channels",
      "1",
    ]);
    expect(result.code).toBe(ExitCode.ok);
    expect(result.stdout.trim().split("\n").join(" ")).toBe(LONG);
  });

  test("--json prints every event as a JSON line, Ready first and Final last", async () => {
    const result = await camb(["listen", shortWav, "--fast", "--json"]);
    expect(result.code).toBe(ExitCode.ok);
    const all = events(result.stdout);
    expect(all[0]?.type).toBe("Ready");
    expect(all.at(-1)?.type).toBe("Final");
    expect(all.some((event) => event.type === "Results")).toBe(true);
  });

  test("at real-time pace no result comes before the audio it covers has been played in", async () => {
    const { durationSeconds } = await inspectAudio(shortWav);
    const result = await camb(["listen", shortWav, "--json"]);
    expect(result.code).toBe(ExitCode.ok);
    const results = events(result.stdout).filter(
      (event) => event.type === "Results" || event.type === "Final",
    );
    expect(results.length).toBeGreaterThan(0);
    // A frame (50 ms) leaves when its first sample is due, so a result may lead its audio by one frame.
    for (const event of results) expect(event.receivedMs).toBeGreaterThanOrEqual(audioEnd(event) - 100);
    expect(results.at(-1)!.receivedMs).toBeGreaterThanOrEqual(durationSeconds * 1000 - 100);
  });

  test("--fast hears the whole file in less time than it lasts", async () => {
    const { durationSeconds } = await inspectAudio(longWav);
    const result = await camb(["listen", longWav, "--fast", "--json"]);
    expect(result.code).toBe(ExitCode.ok);
    const final = events(result.stdout).at(-1)!;
    expect(audioEnd(final)).toBeGreaterThan(durationSeconds * 1000 * 0.9);
    expect(final.receivedMs).toBeLessThan(durationSeconds * 1000 * 0.5);
  });

  test("Ctrl-C while the file is being played in ends the session and exits 130", async () => {
    const running = start(BIN, ["listen", longWav]);
    // Explicit signal: the first words were heard, with most of the file still to play.
    await vi.waitFor(() => expect(running.output().stdout).toContain("This is a longer passage"), {
      timeout: 20_000,
    });
    running.child.kill("SIGINT");
    const result = await running.finished;
    expect(result.code).toBe(ExitCode.interrupted);
    expect(result.stderr).toContain("interrupted by SIGINT");
    expect(result.stdout).not.toContain("Each one becomes a segment");
  });

  test("a missing file is bad input, before any session", async () => {
    const result = await camb(["listen", join(dir, "nothing-here.wav")]);
    expect(result.code).toBe(ExitCode.badInput);
    expect(result.stderr).toContain("does not exist");
  });
});
