// createCambProxy alone in a fresh process, for test/proxy-memory.test.ts: serves on 127.0.0.1 and reports
// its own peak RSS growth. Argument: a JSON object { module, apiKey, baseUrl, allow }. Protocol: prints
// `{"url"}` once listening; then each stdin line "baseline" resets the measurement (answer "ready") and
// "report" prints `{ growth, baseline, peak }` and exits.
import { createServer } from "node:http";
import { createInterface } from "node:readline";

const args = JSON.parse(process.argv[2]);
const { createCambProxy, DEFAULT_PROXY_ALLOW, toNodeHandler } = await import(args.module);
const handle = toNodeHandler(
  createCambProxy({
    apiKey: args.apiKey,
    baseUrl: args.baseUrl,
    allow: [...DEFAULT_PROXY_ALLOW, ...args.allow],
  }),
);
const server = createServer((req, res) => void handle(req, res));
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`);

let baseline = process.memoryUsage.rss();
let peak = baseline;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 5);

for await (const line of createInterface({ input: process.stdin })) {
  if (line === "baseline") {
    globalThis.gc?.();
    baseline = process.memoryUsage.rss();
    peak = baseline;
    process.stdout.write("ready\n");
  } else if (line === "report") {
    clearInterval(sampler);
    // The kernel's exact high-water mark too: a peak between two samples still counts.
    peak = Math.max(peak, process.memoryUsage.rss(), process.resourceUsage().maxRSS * 1024);
    process.stdout.write(`${JSON.stringify({ growth: peak - baseline, baseline, peak })}\n`);
    server.close();
    server.closeAllConnections();
    break;
  }
}
