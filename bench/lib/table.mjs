// One table format for every benchmark, so `pnpm bench` can merge them. A row's claim is `ratio` (against
// the baseline named in `vs`, measured in the same run); `absolute` is context only.

/**
 * @typedef {object} Row
 * @property {string} bench     e.g. "1 client overhead"
 * @property {string} subject   what is measured, e.g. "createCambClient"
 * @property {string} vs        the baseline of the ratio, e.g. "raw fetch"
 * @property {string} metric    what the ratio is of, e.g. "time/call"
 * @property {number} ratio     median of subject/baseline
 * @property {string} spread    e.g. "1.01–1.06 (min–max)"
 * @property {string} [absolute] absolute figures, for context
 * @property {string} [goal]    e.g. "≤ 1.05"
 * @property {boolean} [ok]     whether the goal is met
 */

/** @param {Row[]} rows */
export function renderTable(rows) {
  const head = ["#", "subject", "vs baseline", "metric", "ratio (median)", "spread", "absolute", "goal"];
  const body = rows.map((r) => [
    r.bench,
    r.subject,
    r.vs,
    r.metric,
    Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}×` : "—",
    r.spread ?? "",
    r.absolute ?? "",
    r.goal ? `${r.goal} ${r.ok === undefined ? "" : r.ok ? "✓" : "✗"}`.trim() : "",
  ]);
  const lines = [head, head.map(() => "---"), ...body].map((cells) => `| ${cells.join(" | ")} |`);
  return lines.join("\n");
}

/**
 * Runs a benchmark module's `run` when the file is executed directly: `--json` prints the rows as JSON on
 * the last line (for run-all.mjs), otherwise a table. `--quick` selects the smoke sizes.
 * @param {string} metaUrl import.meta.url of the benchmark
 * @param {(opts: { quick: boolean, log: (line: string) => void }) => Promise<Row[]>} run
 */
export async function main(metaUrl, run) {
  const { fileURLToPath } = await import("node:url");
  if (process.argv[1] !== fileURLToPath(metaUrl)) return;
  const quick = process.argv.includes("--quick");
  const json = process.argv.includes("--json");
  // Progress goes to stderr so stdout stays one JSON line for run-all.mjs.
  const log = (line) => process.stderr.write(`  ${line}\n`);
  const rows = await run({ quick, log });
  if (json) process.stdout.write(`${JSON.stringify(rows)}\n`);
  else console.log(renderTable(rows));
  // Keep-alive sockets or child processes must not hold the benchmark open.
  process.exit(0);
}
