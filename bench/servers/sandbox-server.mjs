// The sandbox in its own process (so its audio encoding runs on the other core, not on the client's event
// loop), plus a tiny control server on another port: `GET /requests?from=n` returns the request log's
// entries from index n as [{ method, path }], so the benchmark can count API calls.
// Usage: node sandbox-server.mjs '<SandboxOptions as JSON>'
import { createServer } from "node:http";
import { startSandbox } from "@camb-kit/sandbox";

const sandbox = await startSandbox({ port: 0, ...JSON.parse(process.argv[2] ?? "{}") });
const control = createServer((req, res) => {
  const from = Number(new URL(req.url ?? "/", "http://x").searchParams.get("from") ?? 0);
  const log = sandbox.requests.slice(from).map(({ method, path }) => ({ method, path }));
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(log));
});
control.listen(0, "127.0.0.1", () => {
  const { port } = /** @type {import("node:net").AddressInfo} */ (control.address());
  const controlUrl = `http://127.0.0.1:${port}`;
  process.stdout.write(
    `${JSON.stringify({ url: sandbox.url, realtimeUrl: sandbox.realtimeUrl, control: controlUrl })}\n`,
  );
});
process.on("SIGTERM", async () => {
  control.closeAllConnections();
  control.close();
  await sandbox.close();
  process.exit(0);
});
