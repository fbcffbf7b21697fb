// The built CLI's choices of who answers (an explicit base URL wins) and where audio goes (a folder, stdout,
// never over a special file), and that no key reaches its output.
import { mkdir, mkdtemp, readdir, symlink } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCambProxy, toNodeHandler } from "@camb-kit/node";
import { type RunningSandbox, startSandbox } from "@camb-kit/sandbox";
import { afterEach, describe, expect, test } from "vitest";
import { ExitCode } from "../src/exit-codes.js";
import { camb } from "./helpers/run-bin.js";

const temp = () => mkdtemp(join(tmpdir(), "camb-cli-out-"));
let sandbox: RunningSandbox | undefined;
let proxy: Server | undefined;
afterEach(async () => {
  proxy?.closeAllConnections();
  proxy?.close();
  await sandbox?.close();
  sandbox = proxy = undefined;
});

describe("who answers", () => {
  test("--base-url wins without a key: a proxy that holds the key answers, not the embedded sandbox", async () => {
    sandbox = await startSandbox({ port: 0, apiKeys: ["proxy-held-key"] });
    const handler = createCambProxy({ apiKey: "proxy-held-key", baseUrl: sandbox.url, prefix: "/" });
    proxy = createServer(toNodeHandler(handler)).listen(0, "127.0.0.1");
    await new Promise((resolve) => proxy?.once("listening", resolve));
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const result = await camb(["voices", "--json", "--base-url", url]);
    expect(result.code).toBe(ExitCode.ok);
    expect(result.stderr).toContain(`--base-url: calling ${url} without a key`);
    expect(result.stderr).not.toContain("embedded sandbox");
    expect(JSON.parse(result.stdout)[0]).toHaveProperty("voice_name");
    expect(sandbox.requests.map((request) => request.headers["x-api-key"])).toEqual(["proxy-held-key"]);
  });

  test("a base URL with credentials is refused (exit 2) and never printed whole", async () => {
    const secret = "s3cret-in-the-url-9876";
    const result = await camb(["voices", "--base-url", `http://user:${secret}@127.0.0.1:9/apis`]);
    expect(result.code).toBe(ExitCode.badInput);
    expect(result.stderr).toContain("must not carry credentials");
    expect(result.stderr + result.stdout).not.toContain(secret);
  });
});

describe("where the audio goes", () => {
  test("-o naming a folder writes the command's default file name inside it", async () => {
    const dir = await temp();
    const sound = await camb(["sound", "rain", "--duration", "1", "-o", `${dir}/`, "--json"]);
    expect(sound.code).toBe(ExitCode.ok);
    expect(JSON.parse(sound.stdout).path).toBe(join(dir, "sound.wav"));
    const speech = await camb(["tts", "Into a folder", "--voice", "1", "-o", dir, "--json"]);
    expect(speech.code).toBe(ExitCode.ok);
    expect(JSON.parse(speech.stdout).path).toBe(join(dir, "speech.mp3"));
    expect((await readdir(dir)).sort()).toEqual(["sound.wav", "speech.mp3"]);
  });

  test("-o - writes the audio to stdout, and only the audio", async () => {
    const result = await camb(["tts", "To standard output", "--voice", "1", "--format", "wav", "-o", "-"]);
    expect(result.code).toBe(ExitCode.ok);
    expect(result.stdoutBytes.subarray(0, 4).toString("latin1")).toBe("RIFF");
    expect(result.stderr).toMatch(new RegExp(`wrote ${result.stdoutBytes.length} bytes of wav to stdout`));
    const both = await camb(["tts", "Both", "--voice", "1", "-o", "-", "--json"]);
    expect(both.code).toBe(ExitCode.badInput);
  });

  test("a symlink such as one to /dev/stdout is refused with exit 2, and stays a symlink", async () => {
    const dir = await temp();
    await mkdir(join(dir, "sub"));
    const link = join(dir, "sub", "out.wav");
    await symlink("/dev/stdout", link);
    const result = await camb(["sound", "rain", "--duration", "1", "-o", link]);
    expect(result.code).toBe(ExitCode.badInput);
    expect(result.stderr).toContain("is a symbolic link, not a regular file");
    expect(await readdir(join(dir, "sub"))).toEqual(["out.wav"]);
  });
});
