// Parses the sandbox CLI's `--fault` and `--latency` syntax into fault rules and latency ranges.
import type { FaultKind, FaultRule } from "../types.js";

const KINDS: readonly FaultKind[] = [
  "status",
  "reset",
  "truncate",
  "stall",
  "malformed-json",
  "unknown-status",
  "latency",
  "slow-reader",
];

/**
 * Parses the CLI's fault syntax: `kind[=value][:route][@n[,n…]][%probability]`.
 *
 *   status=503                  every request answers 503
 *   status=429/2:getSpeechResult   429 with `Retry-After: 2` on that operation
 *   reset:storage@1             the first storage download is reset
 *   truncate=1024:streamSpeech  cut after 1024 bytes
 *   stall=1024/30000            stop after 1024 bytes for 30 s
 *   latency=250%0.5             add 250 ms to half of the requests
 */
export function parseFault(text: string): FaultRule {
  const match = /^([a-z-]+)(?:=([^:@%]+))?(?::([^@%]+))?(?:@([\d,]+))?(?:%([\d.]+))?$/.exec(text.trim());
  if (!match) throw new SyntaxError(`Cannot parse fault "${text}" (expected kind[=value][:route][@n,…][%p])`);
  const [, kind = "", value, route, nth, probability] = match;
  if (!(KINDS as readonly string[]).includes(kind))
    throw new SyntaxError(`Unknown fault kind "${kind}"; one of ${KINDS.join(", ")}`);
  const rule: FaultRule = { kind: kind as FaultKind };
  const [first, second] = (value ?? "").split("/");
  const number = (raw: string | undefined, what: string) => {
    const parsed = Number(raw);
    if (raw === undefined || raw === "" || !Number.isFinite(parsed))
      throw new SyntaxError(`Fault "${text}" needs ${what}`);
    return parsed;
  };
  if (kind === "status") {
    rule.status = number(first, "a status, e.g. status=503");
    if (second) rule.retryAfter = second;
  } else if (kind === "latency") rule.ms = number(first, "milliseconds, e.g. latency=250");
  else if (kind === "truncate") rule.afterBytes = first ? number(first, "a byte count") : 0;
  else if (kind === "stall" || kind === "slow-reader") {
    rule.afterBytes = first ? number(first, "a byte count") : 0;
    rule.ms = number(second, `bytes/ms, e.g. ${kind}=1024/30000`);
  }
  if (route) rule.route = route;
  if (nth) rule.nth = nth.split(",").map(Number);
  if (probability) rule.probability = Number(probability);
  return rule;
}

/** `250` or `100-400` (a random latency range). */
export function parseLatency(text: string): number | { min: number; max: number } {
  const [min, max] = text.split("-").map(Number);
  if (min === undefined || !Number.isFinite(min)) throw new SyntaxError(`Cannot parse latency "${text}"`);
  if (max === undefined) return min;
  if (!Number.isFinite(max)) throw new SyntaxError(`Cannot parse latency "${text}"`);
  return { min, max };
}
