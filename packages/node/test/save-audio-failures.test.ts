// saveAudio's failures (network, size, stall, overwrite, mkdir, rename) leave no temp file, no changed target.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { lstat, mkdir, readFile, symlink } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  deferred,
  responseClosed,
  startServer,
  type TestServer,
} from "../../../tests/support/http-server.js";
import { fileOps } from "../src/file-ops.js";
import {
  HttpStatusError,
  IdleTimeoutError,
  MissingFolderError,
  saveAudio,
  TargetExistsError,
  TargetNotAFileError,
  TruncatedStreamError,
} from "../src/index.js";
import { bytes, entries, existingTarget, tempDir } from "./helpers/temp-dir.js";

const DATA = bytes(100_000);
let server: TestServer | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

/** Serves the first `sent` bytes of DATA, then does what `then` says; resolves `closed` on disconnect. */
async function serve(sent: number, then: "reset" | "end" | "stall", headers: Record<string, string> = {}) {
  const closed = deferred<{ finished: boolean }>();
  server = await startServer((_req, res) => {
    void responseClosed(res).then(closed.resolve);
    res.writeHead(200, { "content-type": "audio/flac", ...headers });
    res.write(DATA.subarray(0, sent), () => {
      if (then === "reset") res.socket?.resetAndDestroy();
      if (then === "end") res.socket?.end(); // a clean FIN without the body's end: a premature close
    });
  });
  return { response: await fetch(`${server.url}/a.flac`), closed: closed.promise };
}

describe("saveAudio: network failures are TruncatedStreamError and leave no temp file and no changed target", () => {
  it("connection reset mid-body", async () => {
    const { dir, target, unchanged } = await existingTarget();
    const { response } = await serve(50_000, "reset", { "content-length": String(DATA.length) });
    const error = await saveAudio(response, target).catch((e) => e);
    expect(error).toBeInstanceOf(TruncatedStreamError);
    expect(error.expectedBytes).toBe(DATA.length);
    expect(error.receivedBytes).toBeLessThan(DATA.length);
    expect(await unchanged()).toBe(true);
    expect(await entries(dir)).toEqual(["a.flac"]);
  });

  it("connection closed early with Content-Length (truncated)", async () => {
    const { dir, target, unchanged } = await existingTarget();
    const { response } = await serve(50_000, "end", { "content-length": String(DATA.length) });
    await expect(saveAudio(response, target)).rejects.toBeInstanceOf(TruncatedStreamError);
    expect(await unchanged()).toBe(true);
    expect(await entries(dir)).toEqual(["a.flac"]);
  });

  it("connection closed early on a chunked body is an error, not EOF", async () => {
    const { dir, target, unchanged } = await existingTarget();
    const { response } = await serve(50_000, "end");
    const error = await saveAudio(response, target).catch((e) => e);
    expect(error).toBeInstanceOf(TruncatedStreamError);
    expect(error).toMatchObject({ expectedBytes: undefined, cause: expect.any(TypeError) });
    expect(await unchanged()).toBe(true);
    expect(await entries(dir)).toEqual(["a.flac"]);
  });

  it("a stalled body fails with IdleTimeoutError and the socket is released", async () => {
    const { dir, target, unchanged } = await existingTarget();
    const { response, closed } = await serve(50_000, "stall");
    await expect(saveAudio(response, target, { idleTimeoutMs: 50 })).rejects.toBeInstanceOf(IdleTimeoutError);
    expect(await closed).toEqual({ finished: false });
    expect(await unchanged()).toBe(true);
    expect(await entries(dir)).toEqual(["a.flac"]);
  });

  it("an error status is refused before anything is written", async () => {
    const { dir, target, unchanged } = await existingTarget();
    server = await startServer((_req, res) => void res.writeHead(503).end(`{"detail":"busy"}`));
    const response = await fetch(`${server.url}/a.flac?X-Amz-Signature=secret`);
    const error = await saveAudio(response, target).catch((e) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error.status).toBe(503);
    expect(String(error.message)).not.toContain("secret");
    expect(await unchanged()).toBe(true);
    expect(await entries(dir)).toEqual(["a.flac"]);
  });

  it("a body shorter than expectedBytes throws TruncatedStreamError; a longer one a RangeError", async () => {
    const { dir, target, unchanged } = await existingTarget();
    const short = saveAudio(Readable.from([Buffer.from(DATA)]), target, { expectedBytes: DATA.length + 1 });
    await expect(short).rejects.toBeInstanceOf(TruncatedStreamError);
    const long = saveAudio(Readable.from([Buffer.from(DATA)]), target, { expectedBytes: DATA.length - 1 });
    await expect(long).rejects.toBeInstanceOf(RangeError);
    expect(await unchanged()).toBe(true);
    expect(await entries(dir)).toEqual(["a.flac"]);
  });

  it("a source that errors mid-stream rethrows the source's own error", async () => {
    const { dir, target, unchanged } = await existingTarget();
    const boom = new Error("boom");
    async function* failing() {
      yield DATA.subarray(0, 1000);
      throw boom;
    }
    await expect(saveAudio(failing(), target)).rejects.toBe(boom);
    expect(await unchanged()).toBe(true);
    expect(await entries(dir)).toEqual(["a.flac"]);
  });
});

describe("saveAudio: overwrite, mkdir, rename", () => {
  it("overwrite: false refuses an existing target without reading the source, releasing the socket", async () => {
    const { dir, target, unchanged } = await existingTarget();
    const { response, closed } = await serve(1000, "stall");
    const error = await saveAudio(response, target, { overwrite: false }).catch((e) => e);
    expect(error).toBeInstanceOf(TargetExistsError);
    expect(error.path).toBe(target);
    expect(await closed).toEqual({ finished: false });
    expect(await unchanged()).toBe(true);
    expect(await entries(dir)).toEqual(["a.flac"]);
  });

  it("overwrite: false creates a missing target", async () => {
    const dir = await tempDir();
    const result = await saveAudio(DATA, join(dir, "new.flac"), { overwrite: false });
    expect(result.bytes).toBe(DATA.length);
    expect(await entries(dir)).toEqual(["new.flac"]);
  });

  it("overwrite: false is race-free: a target that appears during the write wins and stays", async () => {
    const dir = await tempDir();
    const target = join(dir, "a.flac");
    let raced = false;
    const source = Readable.from([Buffer.from(DATA.subarray(0, 10)), Buffer.from(DATA.subarray(10))]);
    const save = saveAudio(source, target, {
      overwrite: false,
      onProgress: () => {
        if (raced) return;
        raced = true;
        writeFileSync(target, "other writer"); // another process creates the file mid-save
      },
    });
    await expect(save).rejects.toBeInstanceOf(TargetExistsError);
    expect(await readFile(target, "utf8")).toBe("other writer");
    expect(await entries(dir)).toEqual(["a.flac"]);
  });

  it("falls back to an exclusive placeholder where hard links are unsupported", async () => {
    const dir = await tempDir();
    vi.spyOn(fileOps, "link").mockRejectedValue(Object.assign(new Error("no links"), { code: "EPERM" }));
    await saveAudio(DATA, join(dir, "a.flac"), { overwrite: false });
    expect((await readFile(join(dir, "a.flac"))).length).toBe(DATA.length);
    const { target, unchanged } = await existingTarget();
    await expect(saveAudio(DATA, target, { overwrite: false })).rejects.toBeInstanceOf(TargetExistsError);
    expect(await unchanged()).toBe(true);
    expect(await entries(dir)).toEqual(["a.flac"]);
  });

  it("a missing folder is an error without mkdir, and is created with it", async () => {
    const dir = await tempDir();
    const target = join(dir, "missing", "deeper", "a.flac");
    const error = await saveAudio(DATA, target).catch((e) => e);
    expect(error).toBeInstanceOf(MissingFolderError);
    expect(error).toMatchObject({ code: "ENOENT", path: join(dir, "missing", "deeper") });
    // The message names the folder and the fix, not the hidden temp file.
    expect(error.message).toContain("pass { mkdir: true }");
    expect(error.message).not.toContain(".part");
    expect(await entries(dir)).toEqual([]);
    const result = await saveAudio(DATA, target, { mkdir: true });
    expect(result.path).toBe(target);
    expect(await entries(join(dir, "missing", "deeper"))).toEqual(["a.flac"]);
  });

  it("a folder at the target is refused before anything is written, and stays as it was", async () => {
    const dir = await tempDir();
    const target = join(dir, "a.flac");
    await mkdir(join(target, "inside"), { recursive: true });
    const error = await saveAudio(DATA, target).catch((e) => e);
    expect(error).toBeInstanceOf(TargetNotAFileError);
    expect(error).toMatchObject({ path: target, kind: "a directory" });
    expect(await entries(dir)).toEqual(["a.flac"]);
    expect(await entries(target)).toEqual(["inside"]);
  });

  it("a failing rename over an existing file keeps that file", async () => {
    const { dir, target, unchanged } = await existingTarget();
    const denied = Object.assign(new Error("denied"), { code: "EACCES" });
    vi.spyOn(fileOps, "rename").mockRejectedValueOnce(denied);
    await expect(saveAudio(DATA, target, { fsync: true })).rejects.toBe(denied);
    expect(await unchanged()).toBe(true);
    expect(await entries(dir)).toEqual(["a.flac"]);
  });

  it("a symlink at the target (here to /dev/null) is refused, never renamed over", async () => {
    const dir = await tempDir();
    const target = join(dir, "out.wav");
    await symlink("/dev/null", target);
    const error = await saveAudio(DATA, target).catch((e) => e);
    expect(error).toBeInstanceOf(TargetNotAFileError);
    expect(error).toMatchObject({ path: target, kind: "a symbolic link" });
    expect((await lstat(target)).isSymbolicLink()).toBe(true);
    expect(await entries(dir)).toEqual(["out.wav"]);
  });

  it("a FIFO at the target is refused without opening it (which would block)", async () => {
    const dir = await tempDir();
    const target = join(dir, "pipe.wav");
    execFileSync("mkfifo", [target]);
    const error = await saveAudio(DATA, target).catch((e) => e);
    expect(error).toMatchObject({ name: "TargetNotAFileError", kind: "a FIFO" });
    expect((await lstat(target)).isFIFO()).toBe(true);
  });

  it("a special file that appears while the audio streams is not replaced either", async () => {
    const dir = await tempDir();
    const target = join(dir, "late.wav");
    const reading = deferred();
    // read() is first called once the save streams, that is after the temp file was opened.
    const source = new Readable({ read: () => reading.resolve() });
    const saving = saveAudio(source, target).catch((e) => e);
    await reading.promise;
    await symlink("/dev/null", target);
    source.push(DATA);
    source.push(null);
    expect(await saving).toBeInstanceOf(TargetNotAFileError);
    expect((await lstat(target)).isSymbolicLink()).toBe(true);
    expect(await entries(dir)).toEqual(["late.wav"]);
  });

  it("a long non-ASCII name (80 x 音 + .wav, 244 bytes) saves: the temp name is cut by bytes", async () => {
    const dir = await tempDir();
    const name = `${"音".repeat(80)}.wav`;
    const result = await saveAudio(DATA, join(dir, name));
    expect(result.bytes).toBe(DATA.length);
    expect(await entries(dir)).toEqual([name]);
  });

  it("fsync: true saves the same bytes", async () => {
    const dir = await tempDir();
    const result = await saveAudio(DATA, join(dir, "a.flac"), { fsync: true });
    expect(result.bytes).toBe(DATA.length);
  });
});
