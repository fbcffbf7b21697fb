// A virtual clock for simulated waits: replaces setTimeout/clearTimeout and Date.now in this process, and
// runs a promise to completion by jumping straight to the next due timer whenever the program is idle.
// Used only by benchmarks that run in their own process (run-all.mjs starts each one fresh).

export function installVirtualClock() {
  let clock = 0;
  let nextId = 1;
  /** @type {{ at: number, id: number, fn: () => void }[]} */
  let timers = [];
  const real = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout, now: Date.now };
  globalThis.setTimeout = /** @type {any} */ (
    (fn, ms = 0, ...args) => {
      const id = nextId++;
      timers.push({ at: clock + Math.max(0, ms), id, fn: () => fn(...args) });
      // Node-like handle: sleep() and friends may call unref/ref.
      return {
        id,
        unref() {
          return this;
        },
        ref() {
          return this;
        },
        hasRef: () => true,
        [Symbol.toPrimitive]: () => id,
      };
    }
  );
  globalThis.clearTimeout = /** @type {any} */ (
    (handle) => {
      const id = typeof handle === "object" && handle ? handle.id : handle;
      timers = timers.filter((t) => t.id !== id);
    }
  );
  Date.now = () => clock;
  const idle = () => new Promise((resolve) => setImmediate(resolve)); // real macrotask: microtasks drained

  return {
    now: () => clock,
    /** Resolves with what `promise` settles to, advancing virtual time whenever nothing else can run. */
    async run(promise) {
      let settled = false;
      let value;
      let error;
      promise.then(
        (v) => {
          settled = true;
          value = v;
        },
        (e) => {
          settled = true;
          error = e ?? new Error("rejected");
        },
      );
      while (!settled) {
        await idle();
        if (settled) break;
        if (timers.length === 0)
          throw new Error("virtual clock: nothing scheduled and the promise is pending");
        timers.sort((a, b) => a.at - b.at || a.id - b.id);
        const timer = /** @type {{ at: number, id: number, fn: () => void }} */ (timers.shift());
        clock = Math.max(clock, timer.at);
        timer.fn();
      }
      if (error) throw error;
      return value;
    },
    reset() {
      clock = 0;
      timers = [];
    },
    uninstall() {
      globalThis.setTimeout = real.setTimeout;
      globalThis.clearTimeout = real.clearTimeout;
      Date.now = real.now;
    },
  };
}
