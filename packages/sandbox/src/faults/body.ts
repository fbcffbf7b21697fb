import { delay } from "../random.js";
import type { FaultRule } from "../types.js";

/**
 * In-process versions of the body faults, for msw: the body stream itself misbehaves after `afterBytes`.
 * (Over real HTTP, startSandbox does the same at the socket instead; see server/write-response.ts.)
 */
function damage(
  body: ReadableStream<Uint8Array>,
  afterBytes: number,
  onLimit: (controller: ReadableStreamDefaultController<Uint8Array>, stop: AbortSignal) => Promise<boolean>,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  const stop = new AbortController();
  let sent = 0;
  let tripped = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        if (tripped || sent + value.length <= afterBytes) {
          sent += value.length;
          return controller.enqueue(value);
        }
        const head = value.subarray(0, Math.max(0, afterBytes - sent));
        if (head.length > 0) controller.enqueue(head);
        tripped = true;
        sent += value.length;
        if (await onLimit(controller, stop.signal)) controller.enqueue(value.subarray(head.length));
        else await reader.cancel();
      },
      async cancel(reason) {
        stop.abort();
        await reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/** Applies a truncate or stall rule to a response's body; other kinds are not about the body. */
export function damageBody(response: Response, rule: FaultRule): Response {
  if (!response.body || (rule.kind !== "truncate" && rule.kind !== "stall")) return response;
  const afterBytes = rule.afterBytes ?? 0;
  const body =
    rule.kind === "truncate"
      ? damage(response.body, afterBytes, async (controller) => {
          controller.error(new TypeError("terminated: the sandbox cut the connection (truncate fault)"));
          return false;
        })
      : damage(response.body, afterBytes, async (_controller, stop) => {
          await delay(rule.ms ?? 0, stop);
          return !stop.aborted;
        });
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
