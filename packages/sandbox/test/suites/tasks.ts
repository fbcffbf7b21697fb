// Shared test body: each task family from create to bulk results, outcomes, bad input, over either transport.
import { afterEach, describe, expect, test } from "vitest";
import { call, type Harness, jsonOf, LONG_DESCRIPTION, runTask, type Started } from "../helpers/harness.js";

/** Task families end to end: create -> status -> result -> bulk, plus their bad-input answers. */
export function taskSuite(harness: Harness): void {
  describe(`task families, ${harness.name}`, () => {
    let sb: Started;
    const start = async (options = {}) => {
      sb = await harness.start(options);
      return sb;
    };
    afterEach(() => sb?.stop());

    test("tts: PENDING, then SUCCESS with a run id, FLAC result, file_url and bulk URLs", async () => {
      const { base, requests } = await start();
      const created = await call(base, "/tts", {
        body: { text: "Hello there, sandbox.", voice_id: 147320, language: 1 },
      });
      expect(created.status).toBe(200);
      const { task_id } = await jsonOf<{ task_id: string }>(created);
      expect(typeof task_id).toBe("string");
      expect(await jsonOf(await call(base, `/tts/${task_id}`))).toMatchObject({ status: "PENDING" });
      const done = await jsonOf<{ status: string; run_id: number }>(await call(base, `/tts/${task_id}`));
      expect(done).toMatchObject({ status: "SUCCESS" });
      expect(Number.isInteger(done.run_id)).toBe(true);

      const audio = await call(base, `/tts-result/${done.run_id}`);
      expect(audio.status).toBe(200);
      expect(audio.headers.get("content-type")).toBe("audio/flac");
      const bytes = new Uint8Array(await audio.arrayBuffer());
      expect(Number(audio.headers.get("content-length"))).toBe(bytes.length);
      expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe("fLaC");

      const file = await jsonOf<{ output_url: string }>(
        await call(base, `/tts-result/${done.run_id}?output_type=file_url`),
      );
      const download = await fetch(file.output_url);
      expect(download.status).toBe(200);
      expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);

      const second = await runTask(base, "tts", { text: "Another one.", voice_id: 147320, language: 1 });
      const bulk = await jsonOf<Record<string, { output_url: string }>>(
        await call(base, "/tts-results", { body: { run_ids: [done.run_id, second.run_id, 999_999] } }),
      );
      expect(Object.keys(bulk).sort()).toEqual([String(done.run_id), String(second.run_id)].sort());
      expect((await fetch(bulk[String(second.run_id)]?.output_url ?? "")).headers.get("content-type")).toBe(
        "audio/flac",
      );
      const storage = requests.filter((r) => r.path.startsWith("/_storage/"));
      expect(storage.length).toBe(2);
      for (const r of storage) expect(r.headers["x-api-key"]).toBeUndefined();
    });

    test("text-to-sound: WAV result, both URL keys carry the same URL, bulk of two, not one", async () => {
      const { base } = await start();
      const done = await runTask(base, "text-to-sound", { prompt: "rain on a tin roof", duration: 2 });
      const other = await runTask(base, "text-to-sound", { prompt: "a door creaks", duration: 1 });
      expect(done.status).toBe("SUCCESS");
      const audio = await call(base, `/text-to-sound-result/${done.run_id}`);
      expect(audio.headers.get("content-type")).toBe("audio/wav");
      expect(new TextDecoder().decode(new Uint8Array(await audio.arrayBuffer()).subarray(0, 4))).toBe("RIFF");
      const urls = await jsonOf<{ output_url: string; file_url: string }>(
        await call(base, `/text-to-sound-result/${done.run_id}?output_type=file_url`),
      );
      expect(urls.file_url).toBe(urls.output_url);
      const bulk = await jsonOf(
        await call(base, "/text-to-sound-results", { body: { run_ids: [done.run_id, other.run_id] } }),
      );
      expect(Object.keys(bulk).sort()).toEqual([String(done.run_id), String(other.run_id)].sort());
      // Every bulk endpoint takes 2 to 5 unique ids (spec: RunIds).
      const one = await call(base, "/text-to-sound-results", { body: { run_ids: [done.run_id] } });
      expect(one.status).toBe(422);
      const twice = await call(base, "/text-to-sound-results", {
        body: { run_ids: [done.run_id, done.run_id] },
      });
      expect(twice.status).toBe(422);
    });

    test("text-to-voice: previews are URLs that serve real audio without a key", async () => {
      const { base } = await start();
      const done = await runTask(base, "text-to-voice", {
        text: "Good evening.",
        voice_description: LONG_DESCRIPTION,
      });
      const { previews } = await jsonOf<{ previews: string[] }>(
        await call(base, `/text-to-voice-result/${done.run_id}`),
      );
      expect(previews.length).toBeGreaterThanOrEqual(2);
      const clips = await Promise.all(previews.map((url) => fetch(url).then((r) => r.arrayBuffer())));
      expect(new Set(clips.map((c) => Buffer.from(c).toString("base64"))).size).toBe(previews.length);
    });

    test("markers and options choose the outcome", async () => {
      const { base } = await start({ pendingPolls: 0 });
      const error = await runTask(base, "tts", { text: "boom [sandbox:error]", voice_id: 1, language: 1 });
      expect(error).toMatchObject({ status: "ERROR", exception_reason: "PROCESSING_ERROR", run_id: null });
      expect(typeof error.message).toBe("string");
      expect(await runTask(base, "text-to-sound", { prompt: "slow [sandbox:timeout]" })).toMatchObject({
        status: "TIMEOUT",
      });
      const payment = await runTask(base, "text-to-voice", {
        text: "x",
        voice_description: `${LONG_DESCRIPTION} [sandbox:payment]`,
      });
      expect(payment).toMatchObject({ status: "PAYMENT_REQUIRED" });
      await sb.stop();
      const failing = await start({ outcome: "ERROR", pendingPolls: 0 });
      expect(await runTask(failing.base, "tts", { text: "fine", voice_id: 1, language: 1 })).toMatchObject({
        status: "ERROR",
      });
    });

    test("pendingPolls and pendingMs (through the injected clock)", async () => {
      const { base } = await start({ pendingPolls: 3 });
      const { task_id } = await jsonOf<{ task_id: string }>(
        await call(base, "/text-to-sound", { body: { prompt: "wind" } }),
      );
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await jsonOf(await call(base, `/text-to-sound/${task_id}`))).status);
      expect(statuses).toEqual(["PENDING", "PENDING", "PENDING", "SUCCESS"]);
      await sb.stop();

      let now = 1_000_000;
      const timed = await start({ pendingMs: 5_000, now: () => now });
      const created = await jsonOf<{ task_id: string }>(
        await call(timed.base, "/text-to-sound", { body: { prompt: "wind" } }),
      );
      expect((await jsonOf(await call(timed.base, `/text-to-sound/${created.task_id}`))).status).toBe(
        "PENDING",
      );
      now += 5_000;
      expect((await jsonOf(await call(timed.base, `/text-to-sound/${created.task_id}`))).status).toBe(
        "SUCCESS",
      );
    });

    test("unknown task ids are 404, unknown or unfinished runs 400, wrong-family ids too", async () => {
      const { base } = await start();
      const missing = await call(base, "/tts/no-such-task");
      expect(missing.status).toBe(404);
      expect(await jsonOf(missing)).toEqual({ detail: expect.any(String) });
      expect((await call(base, "/tts-result/424242")).status).toBe(400);
      expect(await jsonOf(await call(base, "/text-to-voice-result/424242"))).toEqual({
        detail: expect.any(String),
      });
      const sound = await runTask(base, "text-to-sound", { prompt: "click" });
      expect((await call(base, `/tts-result/${sound.run_id}`)).status).toBe(400);
      expect((await call(base, `/tts/${sound.taskId}`)).status).toBe(404);
      const failed = await runTask(base, "tts", { text: "no [sandbox:error]", voice_id: 1, language: 1 });
      expect(failed.run_id).toBeNull();
    });

    test("422 names the field, for bodies, path and query parameters", async () => {
      const { base } = await start();
      const cases: [string, { body?: unknown; method?: string }, (string | number)[]][] = [
        ["/tts", { body: { voice_id: 1, language: 1 } }, ["body", "text"]],
        ["/tts", { body: { text: "hi", voice_id: 1, language: 1, gender: 5 } }, ["body", "gender"]],
        ["/text-to-sound", { body: { prompt: "rain", duration: 11 } }, ["body", "duration"]],
        ["/text-to-sound", { body: {} }, ["body", "prompt"]],
        [
          "/text-to-voice",
          { body: { text: "hi", voice_description: "too short" } },
          ["body", "voice_description"],
        ],
        ["/tts-results", { body: { run_ids: [1] } }, ["body", "run_ids"]],
        ["/text-to-sound-results", { body: { run_ids: ["a"] } }, ["body", "run_ids", 0]],
        ["/tts-result/abc", {}, ["path", "run_id"]],
        ["/text-to-sound-result/5?output_type=zip", {}, ["query", "output_type"]],
        ["/tts", { method: "POST" }, ["body"]],
      ];
      for (const [path, init, loc] of cases) {
        const response = await call(base, path, init);
        expect(response.status, path).toBe(422);
        const { detail } = await jsonOf<{ detail: { loc: unknown[]; msg: string; type: string }[] }>(
          response,
        );
        expect(
          detail.map((d) => d.loc),
          path,
        ).toContainEqual(loc);
        for (const d of detail) expect(typeof d.msg === "string" && typeof d.type === "string").toBe(true);
      }
    });

    test("a rejected request never creates a task", async () => {
      const first = await start();
      await call(first.base, "/tts", { body: { voice_id: 1, language: 1 } }); // 422
      const { task_id: afterBad } = await jsonOf<{ task_id: string }>(
        await call(first.base, "/tts", { body: { text: "ok", voice_id: 1, language: 1 } }),
      );
      await sb.stop();
      const fresh = await start();
      const { task_id: firstEver } = await jsonOf<{ task_id: string }>(
        await call(fresh.base, "/tts", { body: { text: "ok", voice_id: 1, language: 1 } }),
      );
      // Ids come from a seeded generator: equal ids mean the bad request consumed none.
      expect(afterBad).toBe(firstEver);
    });
  });
}
