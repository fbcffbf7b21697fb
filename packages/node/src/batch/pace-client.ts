// Puts every attempt a client makes (retries included) under a batch's AdaptiveLimit.
import { observeAttempts, parseRetryAfter } from "@camb-kit/client/internal";
import type { AdaptiveLimit } from "./adaptive-limit.js";

/**
 * From now on, each request `camb` sends waits at the limit's gate (Retry-After pause, rate ceiling) and each
 * answer tells the limit whether the API is keeping up. Hooked into the client's own attempts, so the client's
 * retries of a 429 are paced and counted too. Returns the function that detaches it. Throws a TypeError for a
 * client that createCambClient did not make.
 */
export function paceClient(camb: object, limit: AdaptiveLimit): () => void {
  return observeAttempts(camb, {
    before: (signal) => limit.beforeRequest(signal),
    after(status, headers) {
      if (status === undefined) return;
      limit.onResponse(status, headers === undefined ? undefined : parseRetryAfter(headers));
    },
  });
}
