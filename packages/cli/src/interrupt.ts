// The signal that aborts a run on SIGINT or SIGTERM so it cleans up first; a second Ctrl-C exits at once.
import { InterruptedError } from "./exit-codes.js";

/**
 * An AbortSignal that fires on the first SIGINT or SIGTERM, so every wait, request and file write stops
 * and cleans up (temp files removed, sockets released) before the process exits. A second Ctrl-C while
 * cleaning up exits at once.
 */
export function interruptSignal(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort(new InterruptedError(name));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}
