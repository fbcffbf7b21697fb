// Minimal node:http server for the upload benchmark: reads every request body to its end, discards it, and
// answers `{"voice_id": 1, "bytes": n, "chunked": bool}` so the worker can check the whole body arrived. Used
// instead of the sandbox, whose multipart parsing (undici's formData()) holds the upload in memory and would
// be the slow side; this one never is (it only counts bytes).
import { createServer } from "node:http";
import { announce } from "../lib/child.mjs";

const server = createServer((req, res) => {
  let bytes = 0;
  req.on("data", (chunk) => {
    bytes += chunk.length;
  });
  req.on("end", () => {
    const chunked = req.headers["transfer-encoding"] === "chunked";
    const body = JSON.stringify({ voice_id: 1, bytes, chunked });
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => announce(server));
