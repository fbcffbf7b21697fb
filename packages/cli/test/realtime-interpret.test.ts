// `camb interpret` through the built binary against the sandbox: the sandbox's live speech (made by `camb
// speak`) translated, the text printed and the translated speech written as WAV, raw PCM or to stdout.
import { mkdir, mkdtemp, readdir, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { ExitCode } from "../src/exit-codes.js";
import { inspectAudio } from "../src/inspect-audio.js";
import { BIN, camb, start } from "./helpers/run-bin.js";

const SHORT = "A short line to hear.";
let dir: string;
let shortWav: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "camb-interpret-"));
  shortWav = join(dir, "short.wav");
  const result = await camb(["speak", SHORT, "--voice", "147320", "--format", "wav", "-o", shortWav]);
  if (result.code !== 0) throw new Error(`speak failed: ${result.stderr}`);
});

const interpretArgs = (to: string) => [
  "interpret",
  shortWav,
  "--from",
  "en-us",
  "--to",
  to,
  "--fast",
  "--idle",
  "0.5",
];

describe("camb interpret", () => {
  test("prints the translated text and writes the translated speech as a WAV file", async () => {
    const out = join(dir, "interpreted");
    await mkdir(out);
    const target = join(out, "short.de.wav");
    const result = await camb([...interpretArgs("de-de"), "-o", target]);
    expect(result.code).toBe(ExitCode.ok);
    expect(result.stdout).toContain(`[de-de] ${SHORT}`);
    expect(result.stderr).toContain(`heard: ${SHORT}`);
    const info = await inspectAudio(target);
    expect(info).toMatchObject({ format: "wav", channels: 1 });
    expect(info.durationSeconds).toBeGreaterThan(0.5);
    expect(await readdir(out)).toEqual(["short.de.wav"]);
  });

  test("--json gives the text, what was heard and the file", async () => {
    const target = join(dir, "short.fr.wav");
    const result = await camb([...interpretArgs("fr-fr"), "-o", target, "--json"]);
    expect(result.code).toBe(ExitCode.ok);
    const summary = JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}");
    expect(summary).toMatchObject({ path: target, heard: SHORT, audio: { format: "wav" } });
    expect(summary.text).toContain(SHORT);
  });

  test("a .pcm target gets the bare samples: 16-bit mono at the channel's output rate", async () => {
    const wav = join(dir, "short.es.wav");
    const pcm = join(dir, "short.es.pcm");
    expect((await camb([...interpretArgs("es-es"), "-o", wav])).code).toBe(ExitCode.ok);
    expect((await camb([...interpretArgs("es-es"), "-o", pcm])).code).toBe(ExitCode.ok);
    const info = await inspectAudio(wav);
    expect((await stat(pcm)).size).toBe(info.bytes - 44);
  });

  test("-o - writes playable speech to stdout and the text to stderr", async () => {
    const result = await camb([...interpretArgs("it-it"), "-o", "-"]);
    expect(result.code).toBe(ExitCode.ok);
    expect(result.stderr).toContain(`[it-it] ${SHORT}`);
    expect(result.stdoutBytes.subarray(0, 4).toString("latin1")).toBe("RIFF");
    expect(result.stdoutBytes.includes(Buffer.from("[it-it]"))).toBe(false);
  });

  test("a file that is not audio the session can take (a compressed WAV) is bad input, nothing written", async () => {
    const out = join(dir, "refused");
    await mkdir(out);
    const mp3InWav = Buffer.alloc(64);
    mp3InWav.write("RIFF", 0, "latin1");
    mp3InWav.writeUInt32LE(56, 4);
    mp3InWav.write("WAVEfmt ", 8, "latin1");
    mp3InWav.writeUInt32LE(16, 16);
    mp3InWav.writeUInt16LE(85, 20); // MPEG layer III
    mp3InWav.writeUInt16LE(1, 22);
    mp3InWav.writeUInt32LE(24_000, 24);
    mp3InWav.write("data", 36, "latin1");
    mp3InWav.writeUInt32LE(20, 40);
    const input = join(dir, "compressed.wav");
    await writeFile(input, mp3InWav);
    const result = await camb([
      "interpret",
      input,
      "--from",
      "en-us",
      "--to",
      "de-de",
      "-o",
      join(out, "x.wav"),
    ]);
    expect(result.code).toBe(ExitCode.badInput);
    expect(result.stderr).toMatch(/MP3/);
    expect(await readdir(out)).toEqual([]);
  });

  test("Ctrl-C mid-session closes it, exits 130 and leaves no partial or temp file", async () => {
    const out = join(dir, "interrupted");
    await mkdir(out);
    const args = ["interpret", shortWav, "--from", "en-us", "--to", "de-de", "-o", join(out, "cut.wav")];
    const running = start(BIN, args);
    // Explicit signal: the session is ready and the file is being played in at real-time pace.
    await vi.waitFor(() => expect(running.output().stderr).toContain("interpreting"), { timeout: 20_000 });
    running.child.kill("SIGINT");
    const result = await running.finished;
    expect(result.code).toBe(ExitCode.interrupted);
    expect(result.stderr).toContain("interrupted by SIGINT");
    expect(await readdir(out)).toEqual([]);
  });
});
