// @camb-kit/polling/internal: what the sibling @camb-kit packages share (React's status hook polls on this
// schedule; the batch runner in @camb-kit/node checks statuses on a schedule of its own). Not public API and
// outside semver: any release may change or remove it.
export { DEFAULT_TIMEOUT_MS, type ResolvedPollOptions, resolvePollOptions } from "./options.js";
export { scheduledDelay } from "./schedule.js";
export { statusCheck } from "./status-check.js";
