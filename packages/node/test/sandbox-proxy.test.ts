// A key-less client reads voices and streams speech through the proxy to the sandbox; the key stays put.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createCambClient, unwrap } from "@camb-kit/client";
import { describe, expect, it } from "vitest";
import { DEFAULT_PROXY_ALLOW, saveSpeech } from "../src/index.js";
import { startProxy } from "./helpers/proxy-server.js";
import { requestsTo, sandbox } from "./helpers/sandbox.js";
import { tempDir } from "./helpers/temp-dir.js";

describe("createCambProxy in front of the sandbox", () => {
  it("a key-less client reads voices and streams speech through it; the key stays on the server", async () => {
    const sb = await sandbox();
    const proxy = await startProxy({
      apiKey: sb.key,
      baseUrl: sb.url,
      allow: [...DEFAULT_PROXY_ALLOW, "streamSpeech"],
    });
    try {
      // What a browser would hold: the app's own URL, no key.
      const browser = createCambClient({ apiKey: "", baseUrl: `${proxy.url}/api/camb`, retry: false });
      const voices = unwrap(await browser.GET("/list-voices"));
      expect(Array.isArray(voices)).toBe(true);

      const dir = await tempDir();
      const saved = await saveSpeech(
        browser,
        { text: "Through the proxy.", language: "en-us", voice_id: 147320 },
        join(dir, "p.mp3"),
      );
      expect((await readFile(saved.path)).length).toBe(saved.bytes);
      expect(saved.creditsRequired).toEqual(expect.any(Number));

      const created = await browser.POST("/tts", { body: { text: "x", voice_id: 147320, language: 1 } });
      expect(created.response.status).toBe(403);

      for (const call of [
        ...requestsTo(sb.requests, "/list-voices"),
        ...requestsTo(sb.requests, "/tts-stream"),
      ]) {
        expect(call.headers["x-api-key"]).toBe(sb.key);
      }
      expect(requestsTo(sb.requests, "/tts")).toHaveLength(0);
      for (const request of proxy.requests) expect(request.headers["x-api-key"]).toBeUndefined();
    } finally {
      await proxy.close();
    }
  });
});
