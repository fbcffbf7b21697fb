#!/usr/bin/env node
// Fails when a published package changed without a changeset. The comparison base is, in order:
// CHANGESET_BASE (CI on a pull request sets it to the target branch), else the last release (the newest
// commit whose .changeset/ held no pending changeset), else the first commit.
import { execFileSync } from "node:child_process";

const git = (...args) => execFileSync("git", args, { encoding: "utf8" }).trim();

function lastRelease() {
  for (const commit of git("log", "--format=%H").split("\n")) {
    const files = git("ls-tree", "--name-only", commit, ".changeset/").split("\n");
    const pending = files.filter((file) => file.endsWith(".md") && !file.endsWith("README.md"));
    if (pending.length === 0) return commit;
  }
  return git("rev-list", "--max-parents=0", "HEAD").split("\n").pop();
}

const base = process.env.CHANGESET_BASE || lastRelease();
console.log(`changeset status since ${base.slice(0, 12)}`);
execFileSync("pnpm", ["exec", "changeset", "status", `--since=${base}`], { stdio: "inherit" });
