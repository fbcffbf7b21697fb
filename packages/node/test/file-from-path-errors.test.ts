// fileFromPath refuses what it cannot upload, and a file that changes on disk fails its upload by name.
import { execFileSync } from "node:child_process";
import { appendFile, mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createCambClient } from "@camb-kit/client";
import { afterEach, describe, expect, it } from "vitest";
import {
  fileFromPath,
  MissingFileError,
  SourceFileChangedError,
  SourceNotAFileError,
  type UploadProgress,
} from "../src/index.js";
import { type FormSink, startFormSink } from "./helpers/form-sink.js";
import { bytes, tempDir } from "./helpers/temp-dir.js";

let sink: FormSink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

/** Reads a stream to its end, returning its byte count. */
async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  const reader = stream.getReader();
  let total = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
    total += chunk.value.byteLength;
  return total;
}

describe("fileFromPath refuses what it cannot upload", () => {
  it("a missing path is a MissingFileError naming it", async () => {
    const path = join(await tempDir(), "nope.wav");
    const error = await fileFromPath(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingFileError);
    expect(error).toMatchObject({ code: "ENOENT", path });
    expect((error as Error).message).toContain(path);
  });

  it("a symbolic link that points nowhere is missing too; one to a file is followed", async () => {
    const dir = await tempDir();
    await symlink(join(dir, "gone.wav"), join(dir, "dangling.wav"));
    await expect(fileFromPath(join(dir, "dangling.wav"))).rejects.toBeInstanceOf(MissingFileError);
    await writeFile(join(dir, "real.wav"), bytes(100));
    await symlink(join(dir, "real.wav"), join(dir, "link.wav"));
    const file = await fileFromPath(join(dir, "link.wav"));
    expect([file.name, file.size]).toEqual(["link.wav", 100]);
  });

  it("a directory is a SourceNotAFileError (openAsBlob would send its 4 KiB entry size)", async () => {
    const dir = join(await tempDir(), "folder.wav");
    await mkdir(dir);
    await expect(fileFromPath(dir)).rejects.toSatisfy(
      (e) => e instanceof SourceNotAFileError && e.kind === "a directory" && e.path === dir,
    );
  });

  it("a FIFO and a character device are refused before anything would block on them", async () => {
    const fifo = join(await tempDir(), "pipe.wav");
    execFileSync("mkfifo", [fifo]);
    await expect(fileFromPath(fifo)).rejects.toSatisfy(
      (e) => e instanceof SourceNotAFileError && e.kind === "a FIFO",
    );
    await expect(fileFromPath("/dev/zero")).rejects.toSatisfy(
      (e) => e instanceof SourceNotAFileError && e.kind === "a character device",
    );
  });
});

describe("fileFromPath reads the file as it is when sent", () => {
  it("an empty file reports its one progress event at 0 of 0", async () => {
    const path = join(await tempDir(), "empty.wav");
    await writeFile(path, "");
    const reports: UploadProgress[] = [];
    const file = await fileFromPath(path, { onUploadProgress: (p) => reports.push(p) });
    expect(await drain(file.stream())).toBe(0);
    expect(reports).toEqual([{ sent: 0, total: 0 }]);
  });

  it("each read of the file counts from 0 on its own", async () => {
    const path = join(await tempDir(), "twice.wav");
    await writeFile(path, bytes(300_000));
    const reports: UploadProgress[] = [];
    const file = await fileFromPath(path, { onUploadProgress: (p) => reports.push(p) });
    expect(await drain(file.stream())).toBe(300_000);
    const firstRead = reports.length;
    expect(await drain(file.stream())).toBe(300_000);
    expect(reports[firstRead - 1]).toEqual({ sent: 300_000, total: 300_000 });
    expect(reports[firstRead]!.sent).toBeLessThan(300_000);
    expect(reports.at(-1)).toEqual({ sent: 300_000, total: 300_000 });
  });

  it("a file that grew since fileFromPath fails its read with SourceFileChangedError", async () => {
    const path = join(await tempDir(), "growing.wav");
    await writeFile(path, bytes(1000));
    const file = await fileFromPath(path);
    await appendFile(path, "more");
    const error = await drain(file.stream()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFileChangedError);
    expect(error).toMatchObject({ path, expectedBytes: 1000 });
  });

  it("an upload of a file changed on disk fails instead of sending other bytes than it announced", async () => {
    sink = await startFormSink();
    const client = createCambClient({ apiKey: "k", baseUrl: sink.url, retry: false });
    const path = join(await tempDir(), "changed.wav");
    await writeFile(path, bytes(200_000));
    const media_file = await fileFromPath(path);
    await writeFile(path, bytes(100));
    const error = await client
      .POST("/transcribe", { body: { language: "en-us", media_file } })
      .catch((e: unknown) => e);
    // The error is the body's own, not a CambConnectionError: the connection was fine.
    expect(error).toBeInstanceOf(SourceFileChangedError);
    expect(sink.uploads).toHaveLength(0);
  });
});
