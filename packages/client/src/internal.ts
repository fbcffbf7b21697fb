// @camb-kit/client/internal: helpers the sibling @camb-kit packages share. Not public API and outside semver:
// any release may change or remove them. Applications import from `@camb-kit/client` or `/spec` instead.
export {
  type AttemptObserver,
  type ClientSettings,
  clientSettings,
  observeAttempts,
} from "./client-settings.js";
export { declaredContentLength } from "./content-length.js";
export { redactSecrets, registerSecret, withoutCredentials } from "./errors/secrets.js";
export { isRetryableStatus, parseRetryAfter } from "./retry-policy.js";
export { clampDelay, sleep } from "./sleep.js";
