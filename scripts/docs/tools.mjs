// Runs the two generators (TypeDoc for the packages, Redocly for the HTTP API) and reads their output, so a
// warning from either fails the check even where the tool itself would exit 0.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { stripVTControlCharacters } from "node:util";

const require = createRequire(import.meta.url);

/** The JavaScript file behind a dependency's bin, run with this Node (no pnpm or shell in between). */
function binOf(pkg, bin) {
  const manifestFile = require.resolve(`${pkg}/package.json`);
  return join(dirname(manifestFile), require(manifestFile).bin[bin]);
}

function run(script, args, cwd) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [script, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({
        code,
        output: stripVTControlCharacters(output),
        seconds: (performance.now() - started) / 1000,
      }),
    );
  });
}

/** TypeDoc with the root typedoc.json (treatWarningsAsErrors): problems are its `[warning]`/`[error]` lines. */
export async function runTypedoc(root, out) {
  const result = await run(binOf("typedoc", "typedoc"), ["--options", "typedoc.json", "--out", out], root);
  const problems = result.output
    .split("\n")
    .filter((line) => /\[(warning|error)\]| - error TS\d+/.test(line));
  return {
    ...result,
    problems: result.code === 0 ? problems : [...problems, `typedoc exited ${result.code}`],
  };
}

// Redocly CLI prints a boxed notice that Node 20 support ends; it is about the runtime, not the docs.
function withoutNotices(output) {
  const lines = [];
  let inBox = false;
  for (const line of output.split("\n")) {
    if (line.includes("╔")) inBox = true;
    if (!inBox) lines.push(line);
    if (line.includes("╚")) inBox = false;
  }
  return lines;
}

/**
 * Redocly's `build-docs` of the spec as one standalone page: `--inlineBundle` embeds Redoc's script instead of
 * linking Redocly's CDN, so the page opens offline; `--lint-config error` fails on a bad redocly.yaml.
 */
export async function runRedocly(root, spec, outFile) {
  const args = ["build-docs", spec, "--output", outFile, "--inlineBundle", "--lint-config", "error"];
  const result = await run(binOf("@redocly/cli", "redocly"), args, root);
  const problems = withoutNotices(result.output).filter((line) => /warn|error|problem|⚠/i.test(line));
  return {
    ...result,
    problems: result.code === 0 ? problems : [...problems, `redocly exited ${result.code}`],
  };
}
