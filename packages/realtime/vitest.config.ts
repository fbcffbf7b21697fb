// The realtime tests: sessions against scripted WebSocket peers on 127.0.0.1, over `ws` and the runtime's own
// WebSocket; audio conversion on generated signals.
import { defineConfig } from "vitest/config";
import { testLimits } from "../../vitest.shared.js";

// Node 20 has the global WebSocket (undici's, the one Node 22+ ships) behind a flag: turning it on lets the
// suites run over both implementations on every Node of the matrix.
const nodeMajor = Number(process.versions.node.split(".")[0]);

export default defineConfig({
  test: {
    ...testLimits,
    include: ["test/**/*.test.ts"],
    execArgv: nodeMajor < 22 ? ["--experimental-websocket"] : [],
  },
});
