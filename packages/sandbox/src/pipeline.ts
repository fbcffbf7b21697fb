// The path every request takes: logged, faults drawn, latency waited out, then auth, validation and the
// handler, or the fault's answer instead.
import { apiKeyHeader, operationSchemas, operations } from "@camb-kit/client/spec";
import { delay } from "./delay.js";
import { damageBody } from "./faults/body.js";
import type { FaultSelector, RouteInfo } from "./faults/select.js";
import { FAULT_HEADER, type SocketFault } from "./internal.js";
import { validateRequest } from "./openapi/validate.js";
import { detail, json, validationFailed } from "./routes/respond.js";
import type { RouteEntry } from "./routes/table.js";
import type { ResolvedOptions } from "./state/options.js";
import type { SandboxState } from "./state/store.js";
import type { FaultRule, RecordedRequest } from "./types.js";

export interface PipelineDeps {
  options: ResolvedOptions;
  state: SandboxState;
  selector: FaultSelector;
  requests: RecordedRequest[];
  socketMode: boolean;
}

function record(requests: RecordedRequest[], route: RouteInfo, request: Request): void {
  const url = new URL(request.url);
  requests.push({
    method: request.method,
    url: request.url,
    path: url.pathname,
    ...(Object.hasOwn(operations, route.name) ? { operationId: route.name } : {}),
    headers: Object.fromEntries(request.headers.entries()),
  });
}

/** Faults that replace the answer entirely (the request is not processed, as when a gateway fails). */
function replacement(rule: FaultRule): Response | undefined {
  switch (rule.kind) {
    case "reset":
      return Response.error(); // msw turns it into a network error; the server destroys the socket
    case "status": {
      const status = rule.status ?? 500;
      const headers: Record<string, string> = {};
      if (rule.retryAfter !== undefined || status === 429) headers["retry-after"] = rule.retryAfter ?? "1";
      return detail(status, `Sandbox fault: HTTP ${status}`, headers);
    }
    case "malformed-json":
      return new Response('{"status": "SUCC', {
        status: 200,
        headers: { "content-type": "application/json" },
      });
    case "unknown-status":
      return json({ status: "SANDBOX_UNKNOWN_STATUS", run_id: null, exception_reason: null, message: null });
    default:
      return undefined;
  }
}

function withBodyFault(response: Response, rule: FaultRule, socketMode: boolean): Response {
  if (!socketMode) return damageBody(response, rule);
  const fault: SocketFault = {
    kind: rule.kind === "stall" ? "stall" : "truncate",
    afterBytes: rule.afterBytes ?? 0,
    ms: rule.ms ?? 0,
  };
  response.headers.set(FAULT_HEADER, JSON.stringify(fault));
  return response;
}

async function answer(
  deps: PipelineDeps,
  entry: RouteEntry,
  request: Request,
  params: Record<string, string>,
) {
  const { operationId } = entry;
  if (operations[operationId].secured) {
    const key = request.headers.get(apiKeyHeader);
    if (!key) return detail(401, `Not authenticated: send your API key in the ${apiKeyHeader} header.`);
    if (deps.options.apiKeys && !deps.options.apiKeys.has(key)) return detail(401, "Invalid API key.");
  }
  const schemas = operationSchemas[operationId];
  const uploads = {
    limits: deps.options.uploads,
    jsonParts: operations[operationId].jsonParts,
    analysers: entry.analysers,
  };
  const validated = await validateRequest(schemas, request, params, uploads);
  if (!validated.ok) {
    const { refusal } = validated;
    // A refused body may still be arriving; the rest is read and dropped, so the client can read this answer
    // (closing at once makes a client that is still writing fail with EPIPE before it sees the 413).
    if (refusal) return detail(refusal.status, refusal.detail);
    return validationFailed(validated.issues);
  }
  const { state, options } = deps;
  return entry.handler({ operationId, schemas, input: validated.input, request, state, options });
}

/**
 * The path every request takes: record it, draw faults, wait out the latency, then either answer with the
 * fault or run the real handler (auth, spec validation, state) and maybe damage its body.
 */
export async function runPipeline(
  deps: PipelineDeps,
  route: RouteInfo,
  request: Request,
  inner: () => Response | Promise<Response>,
): Promise<Response> {
  record(deps.requests, route, request);
  const plan = deps.selector.plan(route);
  await delay(plan.latencyMs, request.signal);
  const fault = plan.fault;
  const replaced = fault && replacement(fault);
  if (replaced) return replaced;
  const response = await inner();
  return fault ? withBodyFault(response, fault, deps.socketMode) : response;
}

export { answer as answerOperation };
