// A sandbox per test whose clock the test moves by hand (the `now` option), stopped after each test.
import { afterEach } from "vitest";
import type { Harness, Started } from "./harness.js";

export interface ClockedSandbox {
  /** Starts a fresh sandbox with its clock at `t0`; resolves to its base URL. */
  start(): Promise<string>;
  /** Moves the sandbox clock forward. */
  advance(ms: number): void;
  /** The sandbox clock now, in ms. */
  now(): number;
}

/** Call inside a `describe`: registers the `afterEach` that stops the test's sandbox. */
export function clockedSandbox(harness: Harness, t0: number): ClockedSandbox {
  let clock = t0;
  let started: Started | undefined;
  afterEach(async () => {
    await started?.stop();
    started = undefined;
  });
  return {
    async start() {
      clock = t0;
      started = await harness.start({ now: () => clock });
      return started.base;
    },
    advance(ms) {
      clock += ms;
    },
    now: () => clock,
  };
}
