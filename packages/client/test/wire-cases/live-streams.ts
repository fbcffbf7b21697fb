// Wire cases of the live stream operations, current and deprecated v1: create, probe, read, update, stop.
import type { Schemas } from "../../src/spec.js";
import type { Case } from "./case.js";

const stream = {
  name: "Match day",
  initial_delay: 10,
  voices: [147320],
  dictionaries: [],
  config: {
    pipeline: {
      demixing: "best_model",
      segmenting: "loudness",
      transcribing: "fast_model",
      translating: "best_model",
      revoicing: "fast_model",
    },
    mixing: { original_audio_gain: 0.2, background_audio_gain: 0.8, fade_time: 1.5 },
  },
  source_stream: { language: 1, url: "srt://ingest.example:9000", passphrase: "s3cret-pass", latency: 200 },
  target_streams: [{ languages: [54], url: "srt://out.example:9001", type: 1, embed_subtitles: true }],
  start_time: "2026-12-01T18:00:00Z",
  timezone: "Europe/London",
} satisfies Schemas["CreateLiveStreamRequest"];

const probe = {
  url: "srt://ingest.example:9000",
  stream_id: "match/day 1",
} satisfies Schemas["ProbeLiveStreamRequest"];

const update = {
  end_time: "2026-12-01T20:00:00Z",
  target_languages: [54, 76],
} satisfies Schemas["UpdateLiveStreamRequest"];

export const liveStreamCases: Record<string, Case> = {
  createLiveStream: {
    call: (c) => c.POST("/stream", { body: stream }),
    method: "POST",
    path: "/stream",
    json: stream,
  },
  probeLiveStream: {
    call: (c) => c.POST("/stream/probe", { body: probe }),
    method: "POST",
    path: "/stream/probe",
    json: probe,
  },
  getLiveStream: {
    call: (c) => c.GET("/stream/{stream_id}", { params: { path: { stream_id: 77 } } }),
    method: "GET",
    path: "/stream/77",
  },
  updateLiveStream: {
    call: (c) => c.PATCH("/stream/{stream_id}", { params: { path: { stream_id: 77 } }, body: update }),
    method: "PATCH",
    path: "/stream/77",
    json: update,
  },
  deleteLiveStream: {
    call: (c) => c.DELETE("/stream/{stream_id}", { params: { path: { stream_id: 77 } } }),
    method: "DELETE",
    path: "/stream/77",
  },
  createLiveStreamV1: {
    call: (c) => c.POST("/v1/stream", { body: stream }),
    method: "POST",
    path: "/v1/stream",
    json: stream,
  },
  probeLiveStreamV1: {
    call: (c) => c.POST("/v1/stream/probe", { body: probe }),
    method: "POST",
    path: "/v1/stream/probe",
    json: probe,
  },
  getLiveStreamV1: {
    call: (c) => c.GET("/v1/stream/{stream_id}", { params: { path: { stream_id: 77 } } }),
    method: "GET",
    path: "/v1/stream/77",
  },
  // Stops the stream with a GET, as upstream does.
  stopLiveStreamV1: {
    call: (c) => c.GET("/v1/stream/{stream_id}/stop", { params: { path: { stream_id: 77 } } }),
    method: "GET",
    path: "/v1/stream/77/stop",
  },
};
