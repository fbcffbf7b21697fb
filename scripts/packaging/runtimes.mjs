// Helpers for the packaging test's Bun and Deno step: the runtimes' binaries from npm, and a sandbox in Node.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// Where each npm package's platform binary lives: `bun` and `deno` pull exactly one matching platform
// package in as an optional dependency (@oven/bun-linux-x64, @deno/linux-x64-glibc, …).
const layouts = {
  bun: { scope: "@oven", file: ["bin", "bun"] },
  deno: { scope: "@deno", file: ["deno"] },
};

/**
 * Installs `name@major` from npm into `<cacheRoot>/<name>@<major>` unless it is already there, the way
 * scripts/test-matrix.sh fetches Node, and returns the path of its binary. `--ignore-scripts`: the postinstall
 * scripts only move or link the binary out of the platform package (and Bun's, failing that, fetches it from
 * registry.npmjs.org by hand, past npm's configured registry); we run it from the platform package instead.
 */
export function ensureRuntime(cacheRoot, name, major) {
  const { scope, file } = layouts[name];
  const dir = join(cacheRoot, `${name}@${major}`);
  const find = () => {
    const scopeDir = join(dir, "node_modules", scope);
    if (!existsSync(scopeDir)) return undefined;
    return readdirSync(scopeDir)
      .map((platform) => join(scopeDir, platform, ...file))
      .find((path) => existsSync(path));
  };
  if (!find()) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), '{"private":true}\n');
    execFileSync(
      "npm",
      ["install", "--no-audit", "--no-fund", "--loglevel=error", "--ignore-scripts", `${name}@${major}`],
      { cwd: dir, stdio: ["ignore", "ignore", "inherit"] },
    );
  }
  const binary = find();
  if (!binary) throw new Error(`npm installed ${name}@${major} in ${dir} but no ${scope}/* platform binary`);
  return binary;
}

/**
 * Starts the installed `camb-sandbox` bin under this Node and resolves once it has printed its URL (no
 * sleeps: a busy machine only makes this slower). Rejects if it exits first. `stop()` ends it and waits.
 */
export function startSandboxProcess(app, args) {
  const cli = join(app, "node_modules/@camb-kit/sandbox/dist/cli.mjs");
  const child = spawn(process.execPath, [cli, ...args], { cwd: app, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    // SIGTERM closes the server gracefully; should a lingering connection hold it open, end it anyway.
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(force);
  };
  const url = new Promise((resolve, reject) => {
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const line = out.match(/^(https?:\/\/\S+)\r?\n/m);
      if (line) resolve(line[1]);
    });
    child.once("error", reject);
    exited.then((status) => reject(new Error(`camb-sandbox exited (${status}) before printing its URL`)));
  });
  return url.then(
    (value) => ({ url: value, stop }),
    async (error) => {
      await stop();
      throw error;
    },
  );
}

/** Runs a program with inherited output without blocking the event loop (the sandbox's pipe stays read). */
export function runProgram(command, args, options) {
  return new Promise((resolve, reject) => {
    // The deadline only catches a hang (a poll that never ends); it is far above any normal run.
    const child = spawn(command, args, { stdio: "inherit", timeout: 300_000, ...options });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? code})`)),
    );
  });
}
