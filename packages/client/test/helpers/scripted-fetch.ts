// Fetches for the client tests: one that answers from a script and records requests, one that hangs.
/** A fetch that answers from a script and records every request it was sent (nothing is mocked globally). */
export type Step = Response | Error | ((request: Request) => Promise<Response> | Response);

export function scriptedFetch(steps: Step[]) {
  const requests: Request[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    requests.push(request);
    const step = steps[Math.min(requests.length - 1, steps.length - 1)];
    if (step === undefined) throw new Error("scriptedFetch: no step");
    if (step instanceof Error) throw step;
    if (typeof step === "function") return step(request);
    return step.clone();
  };
  return { fetch, requests };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

/** A fetch that never answers until the request's signal aborts, like a server that hangs. */
export function hangingFetch() {
  const requests: Request[] = [];
  const fetch = (request: Request) =>
    new Promise<Response>((_, reject) => {
      requests.push(request);
      request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true });
    });
  return { fetch, requests };
}
