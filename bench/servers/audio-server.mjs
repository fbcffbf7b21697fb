// Minimal node:http audio server for the saving benchmark. `GET /tts-result/<n>` answers exactly n bytes of
// audio/flac with Content-Length (the run id is the size, so one server serves every size). Used instead of
// the sandbox because the sandbox's results are real FLAC of at most an hour of 24 kHz speech (~170 MB, so
// no 1 GiB result) and its encoder and msw routing would be the bottleneck, hiding the saver's own cost.
// It writes a pre-built 256 KiB buffer with backpressure, so it is never the slow side.
import { createServer } from "node:http";
import { announce } from "../lib/child.mjs";

const CHUNK = Buffer.alloc(256 * 1024, 0x5a);
CHUNK.write("fLaC", 0);

const server = createServer((req, res) => {
  const match = /^\/tts-result\/(\d+)/.exec(req.url ?? "");
  if (!match) {
    res.writeHead(404, { "content-type": "application/json" }).end('{"detail":"Not Found"}');
    return;
  }
  let left = Number(match[1]);
  res.writeHead(200, { "content-type": "audio/flac", "content-length": left });
  const pump = () => {
    while (left > 0) {
      const piece = left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left);
      left -= piece.length;
      if (!res.write(piece)) return void res.once("drain", pump);
    }
    res.end();
  };
  res.on("close", () => {
    left = 0;
  });
  pump();
});
server.listen(0, "127.0.0.1", () => announce(server));
