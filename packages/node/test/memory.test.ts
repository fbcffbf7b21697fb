// Saving a 1 GiB stream from the sandbox, in a child process, keeps peak RSS growth under 64 MiB.
import { execFile } from "node:child_process";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { packageRoot, privateBuild } from "./helpers/private-build.js";
import { sandbox } from "./helpers/sandbox.js";
import { tempDir } from "./helpers/temp-dir.js";

const root = packageRoot;
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

let buildModule: string;
beforeAll(async () => {
  buildModule = await privateBuild("memory-build");
}, 60_000);

describe("memory", () => {
  it("saving a 1 GiB stream from the sandbox keeps peak RSS growth under 64 MiB", async () => {
    const sb = await sandbox();
    const dir = await tempDir();
    const out = join(dir, "long.pcm");
    // pcm_f32le at 48 kHz is 192000 bytes a second: this duration is just over 1 GiB.
    const body = (duration: number) => ({
      text: "A very long test tone.",
      language: "en-us",
      voice_id: 147320,
      output_configuration: { format: "pcm_f32le", sample_rate: 48_000, duration },
    });
    const args = {
      module: buildModule,
      mode: "saveSpeech",
      url: sb.url,
      key: sb.key,
      body: body(Math.ceil(GiB / 192_000)),
      out,
      // An 8 MB save first, in the same child: the first fetch loads undici and grows V8's heaps once;
      // that is process setup, not memory that scales with the stream.
      warmupUrl: sb.url,
      warmupBody: body(40),
    };
    const child = await promisify(execFile)(
      process.execPath,
      [join(root, "test/helpers/save-child.mjs"), JSON.stringify(args)],
      {
        cwd: root,
        maxBuffer: MiB,
      },
    );
    const report = JSON.parse(child.stdout) as { growth: number; seconds: number };
    const size = (await stat(out)).size;
    expect(size).toBeGreaterThanOrEqual(GiB);
    console.log(
      `1 GiB save: ${(size / MiB).toFixed(0)} MiB in ${report.seconds.toFixed(1)} s, peak RSS growth ${(report.growth / MiB).toFixed(1)} MiB`,
    );
    expect(report.growth).toBeLessThan(64 * MiB);
  }, 300_000);
});
