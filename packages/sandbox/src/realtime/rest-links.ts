// What a sandbox's REST state lends its channels: session runs its result routes answer, and its voices.
import type { TaskFamily } from "@camb-kit/client/spec";
import type { JsonObject } from "../openapi/json.js";
import type { ResolvedOptions } from "../state/options.js";
import type { SandboxState } from "../state/store.js";
import type { SandboxOptions } from "../types.js";
import type { RealtimeLinks } from "./realtime-context.js";

/**
 * The links createSandbox puts under REALTIME_LINKS. A session's run is a finished run with no task (no
 * status route knows it, as none knows a live session's): it is made when the session is ready, on the
 * session's input object, so the family's result answers whatever the session has produced by then.
 */
export function restLinks(
  state: SandboxState,
  resolved: ResolvedOptions,
  options: SandboxOptions,
): RealtimeLinks {
  return {
    run: (family: TaskFamily, input: JsonObject) =>
      state.allocateRun({
        id: "",
        family,
        createdAt: resolved.now(),
        polls: 0,
        outcome: "SUCCESS",
        input,
        runId: undefined,
      }),
    // Reads the voices at each session, so voices cloned (or forgotten by reset) since are seen.
    voiceExists: (id: number) => state.voices.some((voice) => voice.id === id),
    options,
  };
}
