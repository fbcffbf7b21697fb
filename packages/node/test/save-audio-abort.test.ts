// saveAudio's abort handling: before, during and after the stream, during the rename, and no listener left.
import { getEventListeners } from "node:events";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  deferred,
  responseClosed,
  startServer,
  type TestServer,
} from "../../../tests/support/http-server.js";
import { fileOps } from "../src/file-ops.js";
import { saveAudio } from "../src/index.js";
import { bytes, entries, existingTarget, tempDir } from "./helpers/temp-dir.js";

const DATA = bytes(100_000);
let server: TestServer | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

/** A server that sends one chunk and then holds the body open until the client goes away. */
async function openBody() {
  const closed = deferred<{ finished: boolean }>();
  server = await startServer((_req, res) => {
    void responseClosed(res).then(closed.resolve);
    res.writeHead(200, { "content-type": "audio/flac" });
    res.write(DATA.subarray(0, 1000));
  });
  return { response: await fetch(`${server.url}/a.flac`), closed: closed.promise };
}

describe("saveAudio: abort", () => {
  it("an already-aborted signal rejects with its reason, cancels the source and writes nothing", async () => {
    const { dir, target, unchanged } = await existingTarget();
    const { response, closed } = await openBody();
    const reason = new Error("stop");
    await expect(saveAudio(response, target, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(await closed).toEqual({ finished: false });
    expect(await unchanged()).toBe(true);
    expect(await entries(dir)).toEqual(["a.flac"]);
  });

  it("an abort mid-stream rejects with the reason, removes the temp file and releases the socket", async () => {
    const { dir, target, unchanged } = await existingTarget();
    const { response, closed } = await openBody();
    const controller = new AbortController();
    const reason = new Error("user cancelled");
    const save = saveAudio(response, target, {
      signal: controller.signal,
      onProgress: () => controller.abort(reason),
    });
    await expect(save).rejects.toBe(reason);
    expect(await closed).toEqual({ finished: false });
    expect(await unchanged()).toBe(true);
    expect(await entries(dir)).toEqual(["a.flac"]);
  });

  it("an abort after the last byte but before the rename still rejects and keeps the old file", async () => {
    const { dir, target, unchanged } = await existingTarget();
    const controller = new AbortController();
    // fsync is the last step before the rename: abort while it runs.
    const open = fileOps.open;
    vi.spyOn(fileOps, "open").mockImplementation(async (...args: Parameters<typeof open>) => {
      if (args[1] === "r+") controller.abort(new Error("late"));
      return open(...args);
    });
    await expect(saveAudio(DATA, target, { signal: controller.signal, fsync: true })).rejects.toThrow("late");
    expect(await unchanged()).toBe(true);
    expect(await entries(dir)).toEqual(["a.flac"]);
  });

  it("an abort that lands during the rename lets the atomic rename complete (never a half state)", async () => {
    const { dir, target } = await existingTarget();
    const controller = new AbortController();
    const rename = fileOps.rename;
    vi.spyOn(fileOps, "rename").mockImplementation(async (from, to) => {
      const done = rename(from, to);
      controller.abort(new Error("too late"));
      return done;
    });
    const result = await saveAudio(DATA, target, { signal: controller.signal });
    expect(result.bytes).toBe(DATA.length);
    expect((await readFile(target)).length).toBe(DATA.length);
    expect(await entries(dir)).toEqual(["a.flac"]);
  });

  it("leaves no abort listener on a long-lived signal, after successes and failures", async () => {
    const dir = await tempDir();
    const controller = new AbortController();
    const { signal } = controller;
    for (let i = 0; i < 20; i++) await saveAudio(DATA, join(dir, `ok-${i}.flac`), { signal });
    for (let i = 0; i < 5; i++) {
      async function* failing() {
        yield DATA;
        throw new Error("source failed");
      }
      await saveAudio(failing(), join(dir, "fail.flac"), { signal }).catch(() => {});
    }
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
    expect((await entries(dir)).length).toBe(20);
  });
});
