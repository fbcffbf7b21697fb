// Minimal node:http server for the client-overhead benchmark: every request gets the same small JSON body
// (a PENDING task status). The sandbox is not used here on purpose: its msw routing and request validation
// cost more per request than the client work being measured, and would flatten every ratio towards 1.
import { createServer } from "node:http";
import { announce } from "../lib/child.mjs";

const body = Buffer.from(JSON.stringify({ status: "PENDING", run_id: null }));
const server = createServer((req, res) => {
  // Drain any request body so keep-alive sockets are reusable.
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => announce(server));
