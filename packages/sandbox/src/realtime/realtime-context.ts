// The state a sandbox's channels share: options, fault draws over the channel routes, ids, and the runs of
// sessions that are runs (the REST side's runs when the sandbox gives access to them, else the channels' own).
import { type ChannelId, channels, type TaskFamily } from "@camb-kit/client/spec";
import { BUILTIN_VOICES } from "../data/voices.js";
import { checkFaultRules, FaultSelector } from "../faults/select.js";
import type { JsonObject } from "../openapi/json.js";
import { seededRandom } from "../random.js";
import type { ResolvedOptions } from "../state/options.js";
import type { FaultKind, FaultRule, RecordedRequest, Sandbox, SandboxOptions } from "../types.js";
import type { RealtimeContext } from "./connection.js";

/** The routes fault rules may name for channels: the channel ids of the spec. */
export const CHANNEL_ROUTES = Object.keys(channels) as ChannelId[];

/** Kinds only a channel has: a rule of this kind without a route applies to the channels alone. */
const CHANNEL_ONLY_KINDS: readonly FaultKind[] = ["slow-reader"];

/**
 * Splits fault rules between the REST routes and the channels: a rule naming a channel goes to the
 * channels, one naming an operation to REST, one naming no route to both (each counts its own matches for
 * `nth`), except the kinds only channels have.
 */
export function splitFaultRules(rules: readonly FaultRule[] = []): {
  rest: FaultRule[];
  channels: FaultRule[];
} {
  const isChannel = (rule: FaultRule) =>
    rule.route !== undefined && (CHANNEL_ROUTES as string[]).includes(rule.route);
  const channelOnly = (rule: FaultRule) => CHANNEL_ONLY_KINDS.includes(rule.kind);
  return {
    rest: rules.filter((rule) => !isChannel(rule) && !(rule.route === undefined && channelOnly(rule))),
    channels: rules.filter((rule) => isChannel(rule) || rule.route === undefined),
  };
}

/** Session runs when the sandbox's REST state is not reachable: ids far from the REST runs' (10001…). */
const FIRST_CHANNEL_RUN_ID = 900_001;
/** Voices cloned in a sandbox get ids from here on (state/store.ts); without its state they are taken on trust. */
const FIRST_CUSTOM_VOICE_ID = 200_001;

/**
 * Where a sandbox object exposes its REST state to the channels (createSandbox sets it under this key): a
 * session whose channel names a `runFamily` is then a run of that family its REST result answers.
 */
export const REALTIME_LINKS: unique symbol = Symbol.for("@camb-kit/sandbox.realtime-links");

export interface RealtimeLinks {
  /** Makes a finished run of `family` the REST side knows, on `input` (kept by reference: it may grow). */
  run?: (family: TaskFamily, input: JsonObject) => number;
  voiceExists?: (id: number) => boolean;
  /** The options the sandbox was created with, for channels served next to it. */
  options?: SandboxOptions;
}

/** The REST state a sandbox object exposes to the channels, if it does. */
export function linksOf(sandbox: Sandbox | undefined): RealtimeLinks | undefined {
  return (sandbox as (Sandbox & { [REALTIME_LINKS]?: RealtimeLinks }) | undefined)?.[REALTIME_LINKS];
}

/** The channels' shared state for one sandbox. */
export function createRealtimeContext(
  options: ResolvedOptions,
  channelRules: readonly FaultRule[],
  requests: RecordedRequest[],
  links: RealtimeLinks = {},
): RealtimeContext {
  checkFaultRules(
    channelRules.filter((rule) => rule.route !== undefined),
    CHANNEL_ROUTES,
  );
  const selector = new FaultSelector(channelRules, options.seed, options.latencyMs);
  // Ids get their own generator, so opening sessions never shifts the fault and latency draws.
  const random = seededRandom(options.seed ^ 0x5bd1e995);
  let nextRun = FIRST_CHANNEL_RUN_ID;
  const hex = (length: number) =>
    Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join("");
  return {
    options,
    selector,
    requests,
    sessionId: () => `sess_${hex(24)}`,
    sessionRun(channel, input) {
      const family = channels[channel].runFamily;
      return family !== null && links.run ? links.run(family, input) : nextRun++;
    },
    voiceExists:
      links.voiceExists ??
      ((id) => id >= FIRST_CUSTOM_VOICE_ID || BUILTIN_VOICES.some((voice) => voice.id === id)),
  };
}
