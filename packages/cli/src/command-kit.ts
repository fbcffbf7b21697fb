// What a command file hands the program: a commander Command whose action runs through `run`, which opens a
// context (client, signal, progress) for it and turns its outcome into the exit code.
import type { Command } from "commander";
import type { Context } from "./context.js";
import { InputError } from "./exit-codes.js";

/** A command body; a number it resolves with is the exit code (e.g. 3 when a saved file fails its check). */
export type Action = (context: Context) => Promise<unknown>;

/** Runs an action for a parsed command: opens its context and closes it however the action ends. */
export type Run = (command: Command, action: Action) => Promise<void>;

/** Positive integer ids (run ids, dictionary and term ids), checked before any request. */
export function parseId(value: string, what: string): number {
  const id = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(id) || id < 1)
    throw new InputError(`${what} must be a positive integer, got "${value}"`);
  return id;
}
