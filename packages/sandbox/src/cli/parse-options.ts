// The sandbox's command-line flags as one table, and their values turned into startSandbox options: shared by
// `camb-sandbox` and `camb sandbox`, so the two commands take the same flags and read them the same way.
import { enums } from "@camb-kit/client/spec";
import type { StartSandboxOptions, TaskOutcome } from "../types.js";
import { parseFault, parseLatency } from "./parse-fault.js";

const OUTCOMES = enums.TaskStatus.filter((status): status is TaskOutcome => status !== "PENDING");

/** What a flag's value was given as, keyed like commander's camelCase of the flag (`--pending-polls` → `pendingPolls`). */
export interface SandboxFlagValues {
  port?: string;
  host?: string;
  latency?: string;
  fault?: readonly string[];
  pendingPolls?: string;
  pendingMs?: string;
  outcome?: string;
  apiKey?: readonly string[];
  seed?: string;
  urlTtl?: string;
}

/** One flag of the sandbox's commands: how it is spelled, what its value looks like, what it does. */
export interface SandboxFlag {
  /** The long flag without its dashes, e.g. "pending-polls". */
  flag: string;
  /** Where its value goes in {@link SandboxFlagValues}. */
  key: keyof SandboxFlagValues;
  /** The value's placeholder in help, e.g. "ms|a-b". */
  value: string;
  description: string;
  /** Given more than once, every value is kept (a list). */
  repeatable: boolean;
}

const flag = (
  name: string,
  key: keyof SandboxFlagValues,
  value: string,
  description: string,
  repeatable = false,
): SandboxFlag => ({ flag: name, key, value, description, repeatable });

/** Every flag `camb-sandbox` and `camb sandbox` take, in the order help lists them. */
export const sandboxFlags: readonly SandboxFlag[] = [
  flag("port", "port", "n", "port to listen on (default 0: a free one)"),
  flag("host", "host", "host", "interface to bind (default 127.0.0.1)"),
  flag("latency", "latency", "ms|a-b", "latency added to every answer, fixed or random in [a, b]"),
  flag("fault", "fault", "spec", "inject a fault (repeatable): kind[=value][:route][@n,…][%p]", true),
  flag("pending-polls", "pendingPolls", "n", "status polls answering PENDING before the outcome (default 1)"),
  flag("pending-ms", "pendingMs", "ms", "or: time after creation before the outcome"),
  flag("outcome", "outcome", "status", `how every task ends: ${OUTCOMES.join(" | ")} (default SUCCESS)`),
  flag("api-key", "apiKey", "key", "accept only these keys (repeatable; default: any non-empty key)", true),
  flag("seed", "seed", "n", "seed for probabilities, random latency and ids (default 1)"),
  flag("url-ttl", "urlTtl", "ms", "lifetime of pre-signed URLs (default 900000)"),
];

/** A whole number in [min, max] from a flag's text, or a RangeError naming the flag. */
function integer(raw: string, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || value < min || value > max)
    throw new RangeError(`--${name} must be an integer ${min}-${max}, got "${raw}"`);
  return value;
}

/** A finite number of milliseconds >= 0 from a flag's text, or a RangeError naming the flag. */
function milliseconds(raw: string, name: string): number {
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value) || value < 0)
    throw new RangeError(`--${name} must be a number of milliseconds >= 0, got "${raw}"`);
  return value;
}

/**
 * Turns the flags' text into startSandbox options (127.0.0.1 on a free port unless told otherwise). A value
 * that does not read is a RangeError (numbers, the outcome) or a TypeError (fault and latency syntax) naming
 * the flag, before anything listens.
 */
export function sandboxOptionsFromFlags(values: SandboxFlagValues): StartSandboxOptions {
  const options: StartSandboxOptions = {
    port: values.port === undefined ? 0 : integer(values.port, "port", 0, 65535),
    host: values.host ?? "127.0.0.1",
  };
  const syntax = <T>(name: string, read: () => T): T => {
    try {
      return read();
    } catch (error) {
      throw new TypeError(`--${name}: ${(error as Error).message}`, { cause: error });
    }
  };
  if (values.fault?.length)
    options.faults = values.fault.map((text) => syntax("fault", () => parseFault(text)));
  if (values.latency !== undefined)
    options.latencyMs = syntax("latency", () => parseLatency(values.latency!));
  if (values.pendingPolls !== undefined)
    options.pendingPolls = integer(values.pendingPolls, "pending-polls", 0);
  if (values.pendingMs !== undefined) options.pendingMs = milliseconds(values.pendingMs, "pending-ms");
  if (values.outcome !== undefined) {
    if (!(OUTCOMES as readonly string[]).includes(values.outcome))
      throw new RangeError(`--outcome must be one of ${OUTCOMES.join(", ")}, got "${values.outcome}"`);
    options.outcome = values.outcome as TaskOutcome;
  }
  if (values.apiKey?.length) options.apiKeys = [...values.apiKey];
  if (values.seed !== undefined) options.seed = integer(values.seed, "seed", 0);
  if (values.urlTtl !== undefined) options.urlTtlMs = milliseconds(values.urlTtl, "url-ttl");
  return options;
}
