// The sandbox's options with their defaults filled in and checked once, so handlers never re-check them.
import { defaultBaseUrl, enums } from "@camb-kit/client/spec";
import type { FaultRule, SandboxOptions, TaskOutcome } from "../types.js";
import { resolveUploadLimits, type UploadLimits } from "../uploads/limits.js";

/** The options with every default filled in, validated once so handlers never re-check them. */
export interface ResolvedOptions {
  baseUrl: string;
  origin: string;
  apiKeys: ReadonlySet<string> | undefined;
  pendingPolls: number;
  pendingMs: number | undefined;
  outcome: TaskOutcome;
  latencyMs: { min: number; max: number };
  faults: readonly FaultRule[];
  seed: number;
  urlTtlMs: number;
  now: () => number;
  uploads: UploadLimits;
}

const OUTCOMES = enums.TaskStatus.filter((status): status is TaskOutcome => status !== "PENDING");

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  const result = value ?? fallback;
  if (!(result >= 0) || !Number.isFinite(result))
    throw new RangeError(`${name} must be a finite number >= 0`);
  return result;
}

export function resolveOptions(options: SandboxOptions): ResolvedOptions {
  const baseUrl = (options.baseUrl ?? defaultBaseUrl).replace(/\/+$/, "");
  const outcome = options.outcome ?? "SUCCESS";
  if (!OUTCOMES.includes(outcome)) throw new RangeError(`outcome must be one of ${OUTCOMES.join(", ")}`);
  const latency = options.latencyMs ?? 0;
  const range = typeof latency === "number" ? { min: latency, max: latency } : latency;
  nonNegative("latencyMs.min", range.min, 0);
  if (!(range.max >= range.min)) throw new RangeError("latencyMs.max must be >= latencyMs.min");
  return {
    baseUrl,
    origin: new URL(baseUrl).origin,
    apiKeys: options.apiKeys ? new Set(options.apiKeys) : undefined,
    pendingPolls: nonNegative("pendingPolls", options.pendingPolls, 1),
    pendingMs: options.pendingMs === undefined ? undefined : nonNegative("pendingMs", options.pendingMs, 0),
    outcome,
    latencyMs: range,
    faults: options.faults ?? [],
    seed: options.seed ?? 1,
    urlTtlMs: nonNegative("urlTtlMs", options.urlTtlMs, 15 * 60 * 1000),
    now: options.now ?? Date.now,
    uploads: resolveUploadLimits(options.uploads),
  };
}
