import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { families } from "@camb-kit/client";
import { describe, expect, it } from "vitest";
import { operations } from "../src/generated/operations.js";

describe("the proxy's operations table", () => {
  it("matches openapi/camb.yaml (run `pnpm --filter @camb-kit/node generate` after a spec change)", () => {
    const script = fileURLToPath(new URL("../scripts/generate-operations.mjs", import.meta.url));
    expect(() => execFileSync(process.execPath, [script, "--check"], { stdio: "pipe" })).not.toThrow();
  });

  it("knows every path of every task family", () => {
    const paths = new Set(Object.values(operations).map((operation) => operation.path as string));
    for (const family of Object.values(families)) {
      for (const path of [family.create, family.status, family.result, family.bulk]) {
        if (path) expect(paths).toContain(path);
      }
    }
  });
});
