// Decides, deterministically per seed, which fault rules and how much latency apply to each request.
import { seededRandom } from "../random.js";
import type { FaultRule } from "../types.js";

/** What the fault rules decided for one request. */
export interface FaultPlan {
  /** Extra latency before the answer (the `latencyMs` option plus every firing latency rule). */
  latencyMs: number;
  /** The first non-latency rule that fired, if any. */
  fault: FaultRule | undefined;
}

export interface RouteInfo {
  /** operationId, "storage", or "unknown" for paths the spec does not have. */
  name: string;
  /** Whether this route is a task-status poll (the only place an unknown status can appear). */
  isStatus: boolean;
}

/**
 * Decides, deterministically, which rules fire. Each rule counts the requests it matches (for `nth`) and
 * probabilities come from a generator seeded with `seed`, so a test replays the same sequence every run.
 */
export class FaultSelector {
  private counts: number[] = [];
  private random: () => number;

  constructor(
    private readonly rules: readonly FaultRule[],
    private readonly seed: number,
    private readonly latency: { min: number; max: number },
  ) {
    this.random = seededRandom(seed);
    this.counts = rules.map(() => 0);
  }

  private matches(rule: FaultRule, route: RouteInfo): boolean {
    if (rule.route !== undefined && rule.route !== route.name) return false;
    return rule.kind !== "unknown-status" || route.isStatus;
  }

  plan(route: RouteInfo): FaultPlan {
    const { min, max } = this.latency;
    let latencyMs = max > min ? min + this.random() * (max - min) : min;
    let fault: FaultRule | undefined;
    this.rules.forEach((rule, index) => {
      if (!this.matches(rule, route)) return;
      const count = (this.counts[index] ?? 0) + 1;
      this.counts[index] = count;
      const nth = rule.nth === undefined ? undefined : typeof rule.nth === "number" ? [rule.nth] : rule.nth;
      // Draw for every matching request, so the sequence does not depend on which other rules fired.
      const draw = rule.probability === undefined ? undefined : this.random();
      const fires =
        (nth === undefined || nth.includes(count)) && (draw === undefined || draw < (rule.probability ?? 0));
      if (!fires) return;
      if (rule.kind === "latency") latencyMs += rule.ms ?? 0;
      else fault ??= rule;
    });
    return { latencyMs, fault };
  }

  reset(): void {
    this.counts = this.rules.map(() => 0);
    this.random = seededRandom(this.seed);
  }
}

/** Throws on a rule that cannot do anything, naming the valid routes: a typo should not pass silently. */
export function checkFaultRules(rules: readonly FaultRule[], routes: readonly string[]): void {
  for (const rule of rules) {
    if (rule.route !== undefined && !routes.includes(rule.route))
      throw new RangeError(`Unknown fault route "${rule.route}". Valid routes: ${routes.join(", ")}`);
    if (
      rule.kind === "status" &&
      !(Number.isInteger(rule.status) && (rule.status ?? 0) >= 400 && (rule.status ?? 0) <= 599)
    )
      throw new RangeError(`A "status" fault needs a status between 400 and 599, got ${rule.status}`);
    if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1))
      throw new RangeError(`probability must be between 0 and 1, got ${rule.probability}`);
  }
}
