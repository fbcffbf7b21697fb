import { http, type PathParams, type RequestHandler } from "msw";
import { checkFaultRules, FaultSelector } from "./faults/select.js";
import { SOCKET_MODE } from "./internal.js";
import { answerOperation, type PipelineDeps, runPipeline } from "./pipeline.js";
import { detail } from "./routes/respond.js";
import { serveStorage } from "./routes/storage.js";
import { buildRouteTable, type RouteEntry } from "./routes/table.js";
import { resolveOptions } from "./state/options.js";
import { STORAGE_PREFIX } from "./state/storage.js";
import { SandboxState } from "./state/store.js";
import type { RecordedRequest, Sandbox, SandboxOptions } from "./types.js";

export type InternalSandboxOptions = SandboxOptions & { [SOCKET_MODE]?: boolean };

function stringParams(params: PathParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === "string") out[name] = value;
    else if (Array.isArray(value) && typeof value[0] === "string") out[name] = value[0];
  }
  return out;
}

/** `/tts/{task_id}` -> a regex, to tell "wrong method" (405) from "no such path" (404) like FastAPI. */
function templateMatcher(routes: readonly RouteEntry[], baseUrl: string) {
  const escapeRegex = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
  const patterns = routes.map(
    (r) => new RegExp(`^${escapeRegex(r.op.path).replace(/\{[^}]+\}/g, "[^/]+")}$`),
  );
  const basePath = new URL(baseUrl).pathname.replace(/\/$/, "");
  return (url: string) => {
    const path = new URL(url).pathname.slice(basePath.length);
    return patterns.some((p) => p.test(path));
  };
}

/**
 * A stateful CAMB API: msw handlers for every operation of the spec, a storage route for pre-signed
 * downloads, and a catch-all answering FastAPI's 404/405 for anything else under the base URL.
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const resolved = resolveOptions(options);
  const socketMode = (options as InternalSandboxOptions)[SOCKET_MODE] === true;
  const routes = buildRouteTable();
  checkFaultRules(resolved.faults, [...routes.map((r) => r.op.operationId), "storage"]);
  const requests: RecordedRequest[] = [];
  const state = new SandboxState(resolved);
  const selector = new FaultSelector(resolved.faults, resolved.seed, resolved.latencyMs);
  const deps: PipelineDeps = { options: resolved, state, selector, requests, socketMode };
  const { baseUrl, origin } = resolved;

  const storage = http.get(`${origin}${STORAGE_PREFIX}/:token/:name`, ({ request, params }) =>
    runPipeline(deps, { name: "storage", isStatus: false }, request, () =>
      serveStorage(state, String(params.token)),
    ),
  );
  const operations = routes.map((entry) =>
    http[entry.op.method](
      `${baseUrl}${entry.op.path.replace(/\{([^}]+)\}/g, ":$1")}`,
      ({ request, params }) =>
        runPipeline(deps, { name: entry.op.operationId, isStatus: entry.isStatus }, request, () =>
          answerOperation(deps, entry, request, stringParams(params)),
        ),
    ),
  );
  const knownPath = templateMatcher(routes, baseUrl);
  const fallback = http.all(`${baseUrl}/*`, ({ request }) =>
    runPipeline(deps, { name: "unknown", isStatus: false }, request, () =>
      knownPath(request.url) ? detail(405, "Method Not Allowed") : detail(404, "Not Found"),
    ),
  );

  return {
    handlers: [storage, ...operations, fallback] as RequestHandler[],
    requests,
    reset() {
      state.reset();
      selector.reset();
      requests.length = 0; // in place: callers may hold the array
    },
  };
}

/** The msw handlers of a new sandbox: `setupServer(...cambHandlers(options))`. */
export function cambHandlers(options: SandboxOptions = {}): RequestHandler[] {
  return createSandbox(options).handlers;
}
