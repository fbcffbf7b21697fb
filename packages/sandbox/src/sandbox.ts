// createSandbox: the msw handlers of a stateful CAMB API. Requests under the base URL are routed to the
// spec's operations with the generated path patterns; storage downloads have a route of their own.
import { isOperationPath, matchOperation } from "@camb-kit/client/spec";
import { http, type RequestHandler } from "msw";
import { checkFaultRules, FaultSelector } from "./faults/select.js";
import { SOCKET_MODE } from "./internal.js";
import { answerOperation, type PipelineDeps, runPipeline } from "./pipeline.js";
import { REALTIME_LINKS } from "./realtime/realtime-context.js";
import { restLinks } from "./realtime/rest-links.js";
import { detail } from "./routes/respond.js";
import { serveStorage } from "./routes/storage.js";
import { buildRouteTable } from "./routes/table.js";
import { resolveOptions } from "./state/options.js";
import { STORAGE_PREFIX } from "./state/storage.js";
import { SandboxState } from "./state/store.js";
import type { RecordedRequest, Sandbox, SandboxOptions } from "./types.js";

export type InternalSandboxOptions = SandboxOptions & { [SOCKET_MODE]?: boolean };

/**
 * A stateful CAMB API: msw handlers for every operation of the spec, a storage route for pre-signed
 * downloads, and FastAPI's 404/405 for anything else under the base URL.
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const resolved = resolveOptions(options);
  const socketMode = (options as InternalSandboxOptions)[SOCKET_MODE] === true;
  const routes = buildRouteTable();
  checkFaultRules(resolved.faults, [...routes.keys(), "storage"]);
  const requests: RecordedRequest[] = [];
  const state = new SandboxState(resolved);
  const selector = new FaultSelector(resolved.faults, resolved.seed, resolved.latencyMs);
  const deps: PipelineDeps = { options: resolved, state, selector, requests, socketMode };
  const { baseUrl, origin } = resolved;
  const basePath = new URL(baseUrl).pathname.replace(/\/$/, "");

  const storage = http.get(`${origin}${STORAGE_PREFIX}/:token/:name`, ({ request, params }) =>
    runPipeline(deps, { name: "storage", isStatus: false }, request, () =>
      serveStorage(state, String(params.token)),
    ),
  );
  const api = http.all(`${baseUrl}/*`, ({ request }) => {
    const path = new URL(request.url).pathname.slice(basePath.length);
    const match = matchOperation(request.method, path);
    const entry = match && routes.get(match.operationId);
    if (!match || !entry) {
      return runPipeline(deps, { name: "unknown", isStatus: false }, request, () =>
        isOperationPath(path) ? detail(405, "Method Not Allowed") : detail(404, "Not Found"),
      );
    }
    return runPipeline(deps, { name: entry.operationId, isStatus: entry.isStatus }, request, () =>
      answerOperation(deps, entry, request, match.params),
    );
  });

  const sandbox: Sandbox = {
    handlers: [storage, api] as RequestHandler[],
    requests,
    reset() {
      state.reset();
      selector.reset();
      requests.length = 0; // in place: callers may hold the array
    },
  };
  // The channels served next to this sandbox (startSandbox, cambRealtimeHandlers({ sandbox })) share its state.
  return Object.assign(sandbox, { [REALTIME_LINKS]: restLinks(state, resolved, options) });
}

/** The msw handlers of a new sandbox: `setupServer(...cambHandlers(options))`. */
export function cambHandlers(options: SandboxOptions = {}): RequestHandler[] {
  return createSandbox(options).handlers;
}
