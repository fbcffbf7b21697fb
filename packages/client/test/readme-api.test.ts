// The README documents exactly the public surface: its API tables list every export of each entry point.
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { documentedNames, exportedNames } from "../../../scripts/lib/public-api.mjs";

const file = (path: string) => fileURLToPath(new URL(path, import.meta.url));

test.each([
  ["API", "../src/index.ts"],
  ["`@camb-kit/client/spec`", "../src/spec.ts"],
])("the README's %s table lists every export of %s, and nothing else", (heading, entry) => {
  expect(documentedNames(file("../README.md"), heading)).toEqual(exportedNames(file(entry)));
});
