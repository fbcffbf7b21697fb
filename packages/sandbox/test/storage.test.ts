// Pre-signed storage URLs: same origin, outside the API path, no key needed, expiry, unknown tokens, reset.
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSandbox, startSandbox } from "../src/index.js";
import { call, MSW_BASE, runTask } from "./helpers/harness.js";

describe("pre-signed storage URLs", () => {
  test("over HTTP: same origin, separate path, no key needed, 403 once expired, 404 for unknown tokens", async () => {
    let now = 5_000_000;
    const sb = await startSandbox({ urlTtlMs: 60_000, now: () => now });
    try {
      const done = await runTask(sb.url, "text-to-sound", { prompt: "bell", duration: 1 });
      const result = (await (
        await call(sb.url, `/text-to-sound-result/${done.run_id}?output_type=file_url`)
      ).json()) as { output_url: string };
      const url = result.output_url;
      expect(new URL(url).origin).toBe(sb.url);
      expect(new URL(url).pathname.startsWith("/_storage/")).toBe(true);
      const fresh = await fetch(url); // no x-api-key, like S3
      expect(fresh.status).toBe(200);
      expect(fresh.headers.get("content-type")).toBe("audio/wav");
      await fresh.arrayBuffer();
      now += 59_999;
      expect((await fetch(url)).status).toBe(200);
      now += 1;
      const expired = await fetch(url);
      expect(expired.status).toBe(403);
      expect(await expired.text()).toContain("Request has expired");
      expect((await fetch(`${sb.url}/_storage/unknown/file.wav`)).status).toBe(404);
      const storage = sb.requests.filter((r) => r.path.startsWith("/_storage/"));
      expect(storage.length).toBe(4);
      expect(storage.some((r) => "x-api-key" in r.headers)).toBe(false);
      expect(
        sb.requests.filter((r) => !r.path.startsWith("/_storage/")).every((r) => r.headers["x-api-key"]),
      ).toBe(true);
    } finally {
      await sb.close();
    }
  });

  describe("in-process", () => {
    let now = 0;
    const sandbox = createSandbox({ urlTtlMs: 1_000, now: () => now });
    const server = setupServer(...sandbox.handlers);
    beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
    afterAll(() => server.close());

    test("URLs live on the API's origin, outside the API base path, and expire; reset() forgets them", async () => {
      const done = await runTask(MSW_BASE, "tts", { text: "in process", voice_id: 1, language: 1 });
      const { output_url } = (await (
        await call(MSW_BASE, `/tts-result/${done.run_id}?output_type=file_url`)
      ).json()) as {
        output_url: string;
      };
      expect(output_url.startsWith("https://client.camb.ai/_storage/")).toBe(true);
      expect((await fetch(output_url)).status).toBe(200);
      now += 1_000;
      expect((await fetch(output_url)).status).toBe(403);
      expect(sandbox.requests.length).toBeGreaterThan(0);
      sandbox.reset();
      expect(sandbox.requests).toEqual([]);
      now = 0;
      expect((await fetch(output_url)).status).toBe(404);
      expect((await call(MSW_BASE, `/tts-result/${done.run_id}`)).status).toBe(400);
    });
  });
});
