// Truncate and stall faults applied to a Response's body stream, for in-process (msw) sandboxes.
import { delay } from "../delay.js";
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
  let pendingLimit: Uint8Array | undefined; // the rest of the chunk that crossed the limit
  const atLimit = async (controller: ReadableStreamDefaultController<Uint8Array>, rest: Uint8Array) => {
    if (await onLimit(controller, stop.signal)) controller.enqueue(rest);
    else await reader.cancel();
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (pendingLimit) {
          const rest = pendingLimit;
          pendingLimit = undefined;
          return atLimit(controller, rest);
        }
        const { done, value } = await reader.read();
        if (done) return controller.close();
        if (tripped || sent + value.length <= afterBytes) {
          sent += value.length;
          return controller.enqueue(value);
        }
        const head = value.subarray(0, Math.max(0, afterBytes - sent));
        tripped = true;
        sent += value.length;
        if (head.length === 0) return atLimit(controller, value);
        // Erroring now would discard the head still queued for the reader: act on the next pull instead.
        pendingLimit = value.subarray(head.length);
        controller.enqueue(head);
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
