// A client on a fetch that replays scripted status answers and records when each request came, plus settle().
import { type CambClient, createCambClient } from "@camb-kit/client";

/** One scripted answer: a payload (an object or a list, sent as 200 JSON), a ready Response, or an Error. */
export type Answer = Record<string, unknown> | readonly unknown[] | Response | Error;

export interface ScriptedFetch {
  fetch: (request: Request) => Promise<Response>;
  /** Every request received, in order. */
  requests: Request[];
  /** `Date.now()` when each request arrived (fake time in tests). */
  sentAt: number[];
}

/** Answers each request with the next scripted answer; the last one repeats. */
export function scriptedFetch(answers: Answer[]): ScriptedFetch {
  const requests: Request[] = [];
  const sentAt: number[] = [];
  return {
    requests,
    sentAt,
    fetch: async (request) => {
      requests.push(request);
      sentAt.push(Date.now());
      const answer = answers[Math.min(requests.length - 1, answers.length - 1)];
      if (answer instanceof Error) throw answer;
      if (answer instanceof Response) return answer.clone();
      return Response.json(answer);
    },
  };
}

/** A client on a scripted fetch, without the client's own retries so requests can be counted exactly. */
export function scriptedClient(answers: Answer[]): ScriptedFetch & { client: CambClient } {
  const scripted = scriptedFetch(answers);
  const client = createCambClient({
    apiKey: "test-key",
    baseUrl: "https://api.test",
    fetch: scripted.fetch,
    retry: false,
  });
  return { ...scripted, client };
}

export const pending = { status: "PENDING" };
export const success = (runId = 42) => ({ status: "SUCCESS", run_id: runId });

/** Resolves to the settled state of a promise, so fake-timer tests can advance time before asserting. */
export function settle<T>(
  promise: Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}
