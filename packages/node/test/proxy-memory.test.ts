// A 1 GiB multipart upload through createCambProxy (in a child process of its own) to the sandbox keeps the
// proxy's peak RSS growth under 64 MiB: the body streams through with backpressure, never held whole.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { request } from "node:http";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { packageRoot, privateBuild } from "./helpers/private-build.js";
import { multipartParts } from "./helpers/proxy-upload.js";
import { sandbox } from "./helpers/sandbox.js";

const root = packageRoot;
const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

let buildModule: string;
beforeAll(async () => {
  buildModule = await privateBuild("proxy-memory-build");
}, 60_000);

let child: ChildProcessWithoutNullStreams | undefined;
afterEach(() => {
  child?.kill();
  child = undefined;
});

/** The proxy in a fresh process; `ask(line)` sends a command and resolves with the answer line. */
async function proxyProcess(args: object) {
  child = spawn(
    process.execPath,
    ["--expose-gc", join(root, "test/helpers/proxy-child.mjs"), JSON.stringify(args)],
    {
      cwd: root,
    },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error("the proxy process ended early");
    return value as string;
  };
  const { url } = JSON.parse(await next()) as { url: string };
  const stdin = child.stdin;
  const ask = (line: string) => {
    stdin.write(`${line}\n`);
    return next();
  };
  return { url, ask };
}

/** The header of a WAV file `dataBytes` long (16-bit mono, 48 kHz): a real upload for the sandbox to read. */
function wavHeader(dataBytes: number): Uint8Array {
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(48_000, 24);
  header.writeUInt32LE(96_000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/**
 * POSTs a WAV, `bytes` of multipart body in all, to the proxy's /transcribe as multipart with a declared length, as a browser would,
 * written 1 MiB at a time with backpressure (the client itself holds almost nothing).
 */
function upload(proxyUrl: string, bytes: number): Promise<{ status: number; body: string }> {
  const silence = new Uint8Array(MiB);
  const framing = multipartParts(
    { language: "en-us" },
    { field: "media_file", name: "long.wav", type: "audio/wav", bytes: new Uint8Array(44) },
  );
  // The whole body is `bytes` long (exactly the proxy's default limit for 1 GiB).
  const dataBytes = bytes - framing.head.length - 44 - framing.tail.length;
  const parts = { ...framing, file: wavHeader(dataBytes) };
  const length = bytes;
  return new Promise((resolve, reject) => {
    const req = request(
      `${proxyUrl}/api/camb/transcribe`,
      { method: "POST", headers: { "content-type": parts.contentType, "content-length": length } },
      (res) => {
        let body = "";
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.write(parts.head);
    req.write(parts.file);
    let left = dataBytes;
    const pump = () => {
      while (left > 0) {
        const chunk = left >= MiB ? silence : silence.subarray(0, left);
        left -= chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end(parts.tail);
    };
    pump();
  });
}

describe("proxy memory", () => {
  it("a 1 GiB upload through the proxy to the sandbox keeps the proxy's peak RSS growth under 64 MiB", async () => {
    const sb = await sandbox();
    const proxy = await proxyProcess({
      module: buildModule,
      apiKey: sb.key,
      baseUrl: sb.url,
      allow: ["createTranscriptionTask"],
    });
    // A small upload first: undici and the first connections are process setup, not growth with size.
    expect((await upload(proxy.url, 16 * MiB)).status).toBe(200);
    expect(await proxy.ask("baseline")).toBe("ready");
    const started = performance.now();
    const answer = await upload(proxy.url, GiB);
    const seconds = (performance.now() - started) / 1000;
    expect(answer.status, answer.body).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ task_id: expect.any(String) });
    const report = JSON.parse(await proxy.ask("report")) as { growth: number };
    console.log(
      `1 GiB upload through the proxy: ${seconds.toFixed(1)} s, proxy peak RSS growth ${(report.growth / MiB).toFixed(1)} MiB`,
    );
    expect(report.growth).toBeLessThan(64 * MiB);
  }, 300_000);
});
