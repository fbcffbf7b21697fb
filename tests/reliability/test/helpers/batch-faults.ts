// The fault mix of the batch runs, built from the spec's operations table: about `p` of all requests fail, in
// every way the sandbox can fail them, on API, storage and stream routes alike.
import type { FaultRule } from "@camb-kit/sandbox";
import { roleFaults } from "../../faults.mjs";
import { STREAM_OPERATION } from "./batch-run.js";

/**
 * About `p` of all requests fail, on API and storage routes alike, in every way the sandbox can. Rate limits
 * are rare (each pauses the whole batch for its Retry-After), creates get only what says the API did not act
 * plus a rare reset (which must fail its job with a reason that says the task may exist).
 */
export function faultMix(p: number): FaultRule[] {
  const rules: FaultRule[] = [
    // 503 and 429 slow the whole batch down (its concurrency halves), so they are a small share of the mix.
    { kind: "status", status: 503, probability: p * 0.08 },
    { kind: "status", status: 429, retryAfter: "1", probability: p * 0.02 },
    { kind: "status", status: 500, probability: p * 0.15 },
    { route: "storage", kind: "reset", probability: p * 0.3 },
    { route: "storage", kind: "truncate", afterBytes: 4096, probability: p * 0.3 },
    { route: "storage", kind: "status", status: 502, probability: p * 0.2 },
    { route: STREAM_OPERATION, kind: "truncate", afterBytes: 4096, probability: p * 0.3 },
    { route: STREAM_OPERATION, kind: "reset", probability: p * 0.2 },
  ];
  rules.push(...roleFaults(p));
  return rules;
}
