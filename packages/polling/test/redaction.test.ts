// A hostile server echoes the API key in everything it answers: no error built from those answers may show
// it, in its message, stack, JSON form or util.inspect view.
import { inspect } from "node:util";
import { CambError, CambMalformedResponseError, createCambClient } from "@camb-kit/client";
import { describe, expect, test } from "vitest";
import {
  createAndWait,
  MissingRunIdError,
  TaskFailedError,
  UnknownTaskStatusError,
  waitForTask,
} from "../src/index.js";

const KEY = "echoed-api-key-4f9c2b7e";
const SHORT = "k9x"; // a short key is redacted as a whole word

/** A client whose fetch answers every request with `answer`, built per request so the key can be echoed. */
function echoingClient(answer: (key: string) => Response, apiKey = KEY) {
  return createCambClient({
    apiKey,
    baseUrl: "https://api.test",
    retry: false,
    fetch: async (request) => answer(request.headers.get("x-api-key") ?? ""),
  });
}

function expectNoKey(error: unknown, key = KEY) {
  expect(error).toBeInstanceOf(CambError);
  const views = [
    (error as Error).message,
    (error as Error).stack ?? "",
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
  ];
  for (const view of views) expect(view).not.toContain(key);
  expect(views.join("\n")).toContain("[redacted]");
}

const wait = { initialDelayMs: 0, intervalMs: 1, maxTransientErrors: 0 };

describe("errors built from a hostile server's answers never carry the key", () => {
  test("a failed task whose message and reason echo the key", async () => {
    const camb = echoingClient((key) =>
      Response.json({ status: "ERROR", exception_reason: `BAD_${key}`, message: { detail: `key=${key}` } }),
    );
    const error = await waitForTask(camb, "tts", "t", wait).catch((e) => e);
    expect(error).toBeInstanceOf(TaskFailedError);
    expectNoKey(error);
    expect(error.payload.message).toEqual({ detail: "key=[redacted]" });
  });

  test("an unknown status that echoes the key", async () => {
    const camb = echoingClient((key) => Response.json({ status: key }));
    const error = await waitForTask(camb, "tts", "t", wait).catch((e) => e);
    expect(error).toBeInstanceOf(UnknownTaskStatusError);
    expectNoKey(error);
  });

  test("a SUCCESS without a run id, with the key in the payload", async () => {
    const camb = echoingClient((key) => Response.json({ status: "SUCCESS", run_id: -7, message: key }));
    const error = await waitForTask(camb, "tts", "t", wait).catch((e) => e);
    expect(error).toBeInstanceOf(MissingRunIdError);
    expectNoKey(error);
  });

  test("a create without a task id whose body echoes the key", async () => {
    const camb = echoingClient((key) => Response.json({ task_id: null, echo: { [key]: key } }));
    const error = await createAndWait(camb, "text-to-sound", { prompt: "rain" }, wait).catch((e) => e);
    expect(error.name).toBe("MissingTaskIdError");
    expectNoKey(error);
  });

  test("a 200 that is not JSON is a typed error naming the call, never V8's SyntaxError quoting the body", async () => {
    const camb = echoingClient(
      (key) => new Response(`${key} <html>`, { headers: { "content-type": "application/json" } }),
      SHORT,
    );
    const error = await waitForTask(camb, "tts", "t", wait).catch((e) => e);
    expect(error).toBeInstanceOf(CambMalformedResponseError);
    expect(error).toMatchObject({ method: "GET", path: "/tts/{task_id}" });
    expect(inspect(error)).not.toContain(SHORT);
  });
});
