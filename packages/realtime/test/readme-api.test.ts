// The README documents exactly the public surface: its API table lists every export of the package.
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { documentedNames, exportedNames } from "../../../scripts/lib/public-api.mjs";

const file = (path: string) => fileURLToPath(new URL(path, import.meta.url));

test("the README's API table lists every export of the package, and nothing else", () => {
  expect(documentedNames(file("../README.md"), "API")).toEqual(exportedNames(file("../src/index.ts")));
});
