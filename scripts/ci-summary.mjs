#!/usr/bin/env node
// Sums the vitest "Tests  N passed | M failed" lines of a CI log into one closing line, "tests: N passed,
// M failed", so the total of every suite (packages, examples, the Node 22/24 matrix) reads at a glance.
import { readFileSync } from "node:fs";
import { stripVTControlCharacters } from "node:util";

const log = stripVTControlCharacters(readFileSync(process.argv[2] ?? 0, "utf8"));
let passed = 0;
let failed = 0;
for (const line of log.split("\n")) {
  const match = line.match(/\bTests\s+(.*)\(\d+\)\s*$/);
  if (!match) continue;
  passed += Number(match[1].match(/(\d+) passed/)?.[1] ?? 0);
  failed += Number(match[1].match(/(\d+) failed/)?.[1] ?? 0);
}
console.log(`tests: ${passed} passed, ${failed} failed`);
