// The sandbox's public types: options, fault rules, the request log and the running server.
import type { TaskStatus } from "@camb-kit/client/spec";
import type { RequestHandler } from "msw";
import type { UploadLimitOptions } from "./uploads/limits.js";

/** How a task ends once it stops being PENDING: any other status of the spec. */
export type TaskOutcome = Exclude<TaskStatus, "PENDING">;

export type FaultKind =
  | "status"
  | "reset"
  | "truncate"
  | "stall"
  | "malformed-json"
  | "unknown-status"
  | "latency"
  /** WebSocket channels only: the server stops reading, so the client's sends back up (see the README). */
  | "slow-reader";

/** One fault-injection rule. Rules are checked in order; the first non-latency rule that fires wins. */
export interface FaultRule {
  /**
   * operationId from the spec (e.g. "getSpeechResult", "streamSpeech"), "storage" (pre-signed downloads) or
   * a WebSocket channel's id ("liveSpeech", "liveTranscription", "realtimeTranslation"); omitted = every route
   */
  route?: string;
  kind: FaultKind;
  /** For "status" (429 sends Retry-After; 500/502/503 …). */
  status?: number;
  /** Retry-After header value for "status" (seconds or HTTP date). */
  retryAfter?: string;
  /** For "latency" and "stall" (a stall longer than the client's idle timeout looks like a hang). */
  ms?: number;
  /**
   * For "truncate"/"stall": bytes of body sent before the cut/stall (on a channel: bytes of frames the server
   * sent; for "slow-reader", bytes the client sent before the server stops reading).
   */
  afterBytes?: number;
  /** Fire only on these matching requests (1-based). */
  nth?: number | readonly number[];
  /** Fire with this probability, drawn from `seed` (deterministic). */
  probability?: number;
}

export interface SandboxOptions {
  /** Where the handlers answer; default "https://client.camb.ai/apis" (startSandbox sets its own URL). */
  baseUrl?: string;
  /** Default: any non-empty x-api-key; otherwise unknown keys get 401. */
  apiKeys?: readonly string[];
  /** Status polls that answer PENDING before the outcome; default 1. */
  pendingPolls?: number;
  /** Alternatively: time since creation before the outcome (via `now`). */
  pendingMs?: number;
  /** Outcome of every task; default "SUCCESS". Input markers override it per task. */
  outcome?: TaskOutcome;
  /** Added before every answer: fixed, or uniformly random in [min, max] from `seed`. */
  latencyMs?: number | { min: number; max: number };
  faults?: readonly FaultRule[];
  /** Seed for probabilities, random latency and generated ids; default 1. */
  seed?: number;
  /** Pre-signed URL lifetime; default 15 minutes. */
  urlTtlMs?: number;
  /** Clock, for tests; default Date.now. */
  now?: () => number;
  /**
   * Limits on multipart uploads: `maxBytes` a body (default 2 GiB; past it 413 while it is still arriving),
   * `maxTextPartBytes` a text part (1 MiB), `headBytes` kept of each file (256 KiB), `maxParts` (1000).
   */
  uploads?: UploadLimitOptions;
}

export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  /** The spec operation the request was routed to; absent for storage downloads and unknown paths. */
  operationId?: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
}

export interface Sandbox {
  handlers: RequestHandler[];
  /** Every request the sandbox saw, in order (API calls, storage downloads, unknown paths). */
  requests: RecordedRequest[];
  /** Forgets tasks, runs, cloned voices, stored files, fault counters and the request log. */
  reset(): void;
}

export interface RunningSandbox {
  /** The API base URL, e.g. `http://127.0.0.1:43117`. */
  url: string;
  /**
   * The realtime host's stand-in (for `wss://realtime.camb.ai`), e.g. `ws://127.0.0.1:43117`: live
   * transcription and realtime translation live under it, live TTS under `url` with the ws scheme.
   */
  realtimeUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export type StartSandboxOptions = SandboxOptions & { port?: number; host?: string };
