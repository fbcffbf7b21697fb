// Shared test body: live streams through their schedule (the clock), patched, stopped, deleted; and probes.
import { describe, expect, test } from "vitest";
import { clockedSandbox } from "../helpers/clocked-sandbox.js";
import type { Harness } from "../helpers/harness.js";
import { callOperation, issueLocations } from "../helpers/operation-call.js";

const HOUR = 3_600_000;
const T0 = Date.parse("2026-01-01T00:00:00Z");

const STREAM = {
  name: "Evening news",
  voices: [147320],
  dictionaries: [],
  config: {
    pipeline: { demixing: "best_model", transcribing: "fast_model" },
    mixing: { original_audio_gain: 0.2, fade_time: 1 },
  },
  source_stream: { language: 1, url: "srt://ingest.example.com:9000", passphrase: "source-secret" },
  target_streams: [
    { languages: [54], url: "srt://out.example.com:9001", type: 1, passphrase: "target-secret" },
    { languages: [76, 31], url: "rtmp://out.example.com/live/fr-de", type: 2 },
  ],
  start_time: "2026-01-01T01:00:00Z",
  end_time: "2026-01-01T03:00:00Z",
  timezone: "Europe/Paris",
};

type Stream = { stream_id: number; status: string; [field: string]: unknown };

export function liveStreamSuite(harness: Harness): void {
  describe(`live streams, ${harness.name}`, () => {
    const sandbox = clockedSandbox(harness, T0);

    test("a live stream is scheduled, running, then stopped by the clock; patched, deleted, then 404", async () => {
      const base = await sandbox.start();
      const created = await callOperation<{
        stream_id: number;
        task_id: string;
        stream_url_for_languages: unknown[];
      }>(base, "createLiveStream", { body: STREAM });
      expect(created.status).toBe(200);
      // One entry per target stream, with its languages and the URL the dub is sent to.
      expect(created.body.stream_url_for_languages).toEqual([
        { languages: [54], url: "srt://out.example.com:9001" },
        { languages: [76, 31], url: "rtmp://out.example.com/live/fr-de" },
      ]);
      const path = { stream_id: created.body.stream_id };
      const get = async () => (await callOperation<Stream>(base, "getLiveStream", { path })).body;

      const scheduled = await get();
      expect(scheduled).toMatchObject({ stream_id: path.stream_id, task_id: created.body.task_id });
      expect(scheduled.status).toBe("scheduled");
      expect(JSON.stringify(scheduled)).not.toContain("secret"); // passphrases are not echoed
      sandbox.advance(1.5 * HOUR);
      expect((await get()).status).toBe("running");

      const patched = await callOperation<Stream>(base, "updateLiveStream", {
        path,
        body: { end_time: "2026-01-01T02:00:00Z", target_languages: [54, 76], timezone: "America/New_York" },
      });
      expect(patched.status).toBe(200);
      expect(await get()).toMatchObject({
        status: "running",
        start_time: STREAM.start_time,
        end_time: "2026-01-01T02:00:00Z",
        target_languages: [54, 76],
        timezone: "America/New_York",
      });
      sandbox.advance(0.5 * HOUR); // two hours in: the patched end
      expect((await get()).status).toBe("stopped");
      // A stopped stream is not restarted by a new schedule.
      const late = await callOperation(base, "updateLiveStream", {
        path,
        body: { end_time: STREAM.end_time },
      });
      expect(late.status).toBe(409);

      expect((await callOperation(base, "deleteLiveStream", { path })).body).toMatchObject(path);
      for (const operationId of [
        "getLiveStream",
        "getLiveStreamV1",
        "deleteLiveStream",
        "stopLiveStreamV1",
      ] as const)
        expect((await callOperation(base, operationId, { path })).status, operationId).toBe(404);
    });

    test("the v1 paths serve the same streams: v1 stop leaves a stream readable as stopped", async () => {
      const base = await sandbox.start();
      const { start_time: _start, end_time: _end, ...unscheduled } = STREAM;
      const created = await callOperation<{ stream_id: number }>(base, "createLiveStreamV1", {
        body: unscheduled,
      });
      const path = { stream_id: created.body.stream_id };
      expect((await callOperation<Stream>(base, "getLiveStream", { path })).body.status).toBe("running");
      sandbox.advance(60_000);
      const stopped = await callOperation<Stream>(base, "stopLiveStreamV1", { path });
      expect(stopped.body).toMatchObject({ stream_id: path.stream_id, status: "stopped" });
      const read = (await callOperation<Stream>(base, "getLiveStreamV1", { path })).body;
      expect(read).toMatchObject({ status: "stopped", stopped_at: new Date(sandbox.now()).toISOString() });
      // Stopping again changes nothing.
      sandbox.advance(60_000);
      expect((await callOperation(base, "stopLiveStreamV1", { path })).status).toBe(200);
      expect((await callOperation<Stream>(base, "getLiveStream", { path })).body.stopped_at).toBe(
        read.stopped_at,
      );
      const other = await callOperation<{ stream_id: number }>(base, "createLiveStream", {
        body: unscheduled,
      });
      expect(other.body.stream_id).toBe(path.stream_id + 1);
    });

    test("live-stream bad input is a 422 naming the field, and creates no stream", async () => {
      const base = await sandbox.start();
      const { target_streams: _targets, ...noTargets } = STREAM;
      const cases: [unknown, unknown[]][] = [
        [noTargets, ["body", "target_streams"]],
        [{ ...STREAM, source_stream: { language: 1, url: "" } }, ["body", "source_stream", "url"]],
        [{ ...STREAM, config: { mixing: { fade_time: 9 } } }, ["body", "config", "mixing", "fade_time"]],
        [{ ...STREAM, start_time: "tomorrow" }, ["body", "start_time"]],
        [{ ...STREAM, end_time: "2026-01-01T00:30:00Z" }, ["body", "end_time"]],
        [{ ...STREAM, timezone: "Mars/Olympus_Mons" }, ["body", "timezone"]],
        [{ ...STREAM, voices: [147320, 999] }, ["body", "voices", 1]],
        [{ ...STREAM, dictionaries: [3001] }, ["body", "dictionaries", 0]],
      ];
      for (const [body, loc] of cases)
        expect(issueLocations(await callOperation(base, "createLiveStream", { body }))).toContainEqual(loc);

      const created = await callOperation<{ stream_id: number }>(base, "createLiveStream", { body: STREAM });
      expect(created.body.stream_id).toBe(5001); // the failed calls allocated no id
      const path = { stream_id: created.body.stream_id };
      const patches: [unknown, unknown[]][] = [
        [{ target_languages: [0] }, ["body", "target_languages", 0]],
        [{ start_time: "2026-01-01T04:00:00Z" }, ["body", "end_time"]],
        [{ timezone: "Nowhere" }, ["body", "timezone"]],
      ];
      for (const [body, loc] of patches)
        expect(issueLocations(await callOperation(base, "updateLiveStream", { path, body }))).toContainEqual(
          loc,
        );
      expect(issueLocations(await callOperation(base, "getLiveStream", { path: { stream_id: 0 } }))).toEqual([
        ["path", "stream_id"],
      ]);
      expect(issueLocations(await callOperation(base, "probeLiveStream", { body: {} }))).toEqual([
        ["body", "url"],
      ]);
      expect((await callOperation<Stream>(base, "getLiveStream", { path })).body.end_time).toBe(
        STREAM.end_time,
      );
    });

    test("probing repeats for a URL: one video stream, one or two audio streams (one over RTMP), no data", async () => {
      const base = await sandbox.start();
      type Probe = { video_streams: unknown[]; audio_streams: { index: number }[]; data_streams: unknown[] };
      const probe = async (
        url: string,
        operationId: "probeLiveStream" | "probeLiveStreamV1" = "probeLiveStream",
      ) => (await callOperation<Probe>(base, operationId, { body: { url, stream_id: "feed-1" } })).body;
      const urls = Array.from({ length: 8 }, (_, i) => `srt://ingest.example.com:${9000 + i}`);
      const counts = new Set<number>();
      for (const url of urls) {
        const first = await probe(url);
        expect(await probe(url, "probeLiveStreamV1")).toEqual(first);
        expect(first.video_streams).toHaveLength(1);
        expect(first.data_streams).toEqual([]);
        expect(first.audio_streams.map((a) => a.index)).toEqual(
          first.audio_streams.length === 1 ? [1] : [1, 2],
        );
        counts.add(first.audio_streams.length);
      }
      expect([...counts].sort()).toEqual([1, 2]); // the URL decides, and both shapes occur
      expect((await probe("rtmp://live.example.com/app/key")).audio_streams).toHaveLength(1);
    });
  });
}
