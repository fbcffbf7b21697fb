// The fault mix of the reliability runs, built from the spec's operations table: about `p` of all requests
// fail, in every way the sandbox can fail them, on API and storage routes alike. Creates get only what says
// the API did not act (503, 429) plus a rare reset, which must fail its job with an error that says so.
import { operations } from "@camb-kit/client/spec";

/** @returns {import("@camb-kit/sandbox").FaultRule[]} */
export function faultMix(p) {
  const rules = [
    { kind: "status", status: 503, probability: p * 0.25 },
    { kind: "status", status: 429, retryAfter: "1", probability: p * 0.15 },
    { route: "storage", kind: "reset", probability: p * 0.3 },
    { route: "storage", kind: "truncate", afterBytes: 4096, probability: p * 0.3 },
    { route: "storage", kind: "status", status: 502, probability: p * 0.2 },
  ];
  rules.push(...roleFaults(p));
  return rules;
}

/**
 * The faults each task role can meet, from the operations table: status checks reset, malformed or unknown,
 * results reset or cut, and a rare reset of a create. Shared by every fault mix of these tests.
 * @returns {import("@camb-kit/sandbox").FaultRule[]}
 */
export function roleFaults(p) {
  /** @type {import("@camb-kit/sandbox").FaultRule[]} */
  const rules = [];
  for (const [id, operation] of Object.entries(operations)) {
    // An operation serves one role or more (a result path shared by families): its roles, each once.
    const roles = new Set(operation.tasks.map((task) => task.role));
    if (roles.has("status"))
      rules.push(
        { route: id, kind: "reset", probability: p * 0.2 },
        { route: id, kind: "malformed-json", probability: p * 0.2 },
        { route: id, kind: "unknown-status", probability: p * 0.15 },
      );
    if (roles.has("result"))
      rules.push(
        { route: id, kind: "reset", probability: p * 0.2 },
        { route: id, kind: "truncate", afterBytes: 4096, probability: p * 0.3 },
      );
    if (roles.has("create")) rules.push({ route: id, kind: "reset", probability: p * 0.05 });
  }
  return rules;
}
