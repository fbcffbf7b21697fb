// Editing the spec without regenerating must fail `pnpm test`: the drift check runs in it, and this proves it
// catches an edit (and passes on the committed spec).
import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, test } from "vitest";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../../", import.meta.url));
const generate = join(root, "scripts/generate.mjs");

test("the committed generated code matches the spec", async () => {
  const { stdout } = await run(process.execPath, [generate, "--check"]);
  expect(stdout).toContain("generated code matches");
});

test("an edited spec that was not regenerated fails the check, naming the stale files", async () => {
  const spec = await readFile(join(root, "openapi/camb.yaml"), "utf8");
  const edited = spec.replace("enum: [sound, music]", "enum: [sound, music, ambience]");
  expect(edited).not.toBe(spec);
  const file = join(await mkdtemp(join(tmpdir(), "camb-drift-")), "camb.yaml");
  await writeFile(file, edited);
  const failure = await run(process.execPath, [generate, "--check", "--spec", file]).catch((error) => error);
  expect(failure.code).toBe(1);
  expect(failure.stderr).toContain("packages/client/src/generated/schema.ts");
  expect(failure.stderr).toContain("Run `pnpm generate`");
});
