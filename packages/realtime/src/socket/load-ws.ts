// Loads the `ws` package, only on a runtime without a WebSocket of its own (Node 20), and only then.
import type { RealtimeSocketConstructor } from "./socket-types.js";

// Held in a variable so that bundlers do not follow the import into a browser build: a browser app never
// reaches this code (it has a global WebSocket) and must not carry `ws`.
const WS_PACKAGE = "ws";

let loaded: Promise<RealtimeSocketConstructor> | undefined;

/** `ws`'s WebSocket class; rejects with a TypeError saying what to install when `ws` is not there. */
export function loadWs(): Promise<RealtimeSocketConstructor> {
  loaded ??= import(/* @vite-ignore */ /* webpackIgnore: true */ WS_PACKAGE).then(
    (module: { WebSocket?: unknown; default?: unknown }) => {
      const WebSocket = module.WebSocket ?? module.default;
      if (typeof WebSocket !== "function") throw new TypeError("the ws package has no WebSocket export");
      return WebSocket as RealtimeSocketConstructor;
    },
    (cause: unknown) => {
      loaded = undefined; // installed later in a long-lived process: try again next time
      throw new TypeError(
        "this runtime has no global WebSocket (Node 20): install the ws package (npm install ws), or pass options.WebSocket",
        { cause },
      );
    },
  );
  return loaded;
}
