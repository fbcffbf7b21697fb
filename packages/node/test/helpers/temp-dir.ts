// Temp folders removed after each test, deterministic test bytes, and a pre-existing target to compare.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "camb-node-"));
  made.push(dir);
  return dir;
}

/** The folder's entries, sorted; temp files (`.*.part`) would show up here. */
export async function entries(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

/** Deterministic test bytes. */
export function bytes(length: number, seed = 1): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + seed) & 0xff;
  return out;
}

/** Fast byte equality (deep-equal on large typed arrays is slow). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
    Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  );
}

/** A target that already holds "old", to prove failures leave it exactly as it was. */
export async function existingTarget() {
  const dir = await tempDir();
  const target = join(dir, "a.flac");
  await writeFile(target, "old");
  return { dir, target, unchanged: async () => (await readFile(target, "utf8")) === "old" };
}
