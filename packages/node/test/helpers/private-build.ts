// A private build of the package's src for tests whose child process runs plain Node (so needs JavaScript).
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "tsdown";

/** The package folder (children run there, so @camb-kit/client resolves). */
export const packageRoot = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Builds src into `.tmp/<name>` (never dist, which a concurrent `pnpm build` may be rewriting) and answers
 * the file URL of its entry, for a child process to import.
 */
export async function privateBuild(name: string): Promise<string> {
  const outDir = join(packageRoot, ".tmp", name);
  await build({
    config: false,
    entry: [join(packageRoot, "src/index.ts")],
    outDir,
    format: "esm",
    platform: "node",
    fixedExtension: false,
    dts: false,
    clean: true,
    logLevel: "silent",
  });
  return pathToFileURL(join(outDir, "index.js")).href;
}
