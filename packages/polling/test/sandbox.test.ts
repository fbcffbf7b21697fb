// createAndWait against the sandbox over real HTTP on 127.0.0.1, for every family and every way a task
// ends. Intervals are 1 ms, so no fake timers are needed and the tests stay fast.
import { getEventListeners } from "node:events";
import { CambApiError, type CreateTaskBody, createCambClient, families } from "@camb-kit/client";
import { type RunningSandbox, type StartSandboxOptions, startSandbox } from "@camb-kit/sandbox";
import { afterEach, describe, expect, it } from "vitest";
import { waitableFamilies } from "../../../tests/support/families.js";
import {
  createAndWait,
  PaymentRequiredError,
  type TaskFailedError,
  TaskProcessingError,
  TaskTimedOutError,
  UnknownTaskStatusError,
  waitForTask,
  watchTask,
} from "../src/index.js";
import type { PlainFamily } from "./helpers/family-shapes.js";

const fast = { intervalMs: 1, maxIntervalMs: 5, timeoutMs: 10_000 };
const description =
  "A warm, calm narrator in her forties with a slight rasp, speaking slowly and clearly, as if reading a bedtime story to a child.";

type Waitable = PlainFamily;

/** A valid create body per family that createAndWait serves, with `marker` in its free-text field. */
const bodies: { [F in Waitable]: (marker: string) => CreateTaskBody<F> } = {
  tts: (marker) => ({ text: `Hello from the sandbox ${marker}`, voice_id: 1, language: 1 }),
  "translated-tts": (marker) => ({
    text: `Hello ${marker}`,
    voice_id: 1,
    source_language: 1,
    target_language: "es-es",
  }),
  "text-to-sound": (marker) => ({ prompt: `rain on a tin roof ${marker}` }),
  "text-to-voice": (marker) => ({
    text: "Hello, this is a preview of the voice.",
    voice_description: `${description} ${marker}`,
  }),
  dub: (marker) => ({
    video_url: `https://media.example/talk.mp4?${encodeURIComponent(marker)}`,
    source_language: 1,
    target_languages: [54],
    project_name: marker,
  }),
  translation: (marker) => ({ texts: [`Good morning ${marker}`], source_language: 1, target_language: 54 }),
  subtitles: (marker) => ({
    media_url: "https://media.example/talk.mp4",
    source_language: "auto",
    target_languages: ["fr-fr"],
    project_name: marker,
  }),
};

const familyNames = waitableFamilies(families) as Waitable[];
let sandbox: RunningSandbox | undefined;

async function start(options: StartSandboxOptions = {}) {
  sandbox = await startSandbox({ port: 0, ...options });
  const client = createCambClient({ apiKey: "sandbox-key", baseUrl: sandbox.url, retry: false });
  return { sandbox, client };
}

afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const statusRequests = (sb: RunningSandbox, family: Waitable, taskId: string) =>
  sb.requests.filter(
    (request) =>
      request.method === "GET" && request.path === families[family].status.replace("{task_id}", taskId),
  );

describe("createAndWait against the sandbox", () => {
  it("covers every family of the generated table that createAndWait serves", () => {
    expect(Object.keys(bodies).sort()).toEqual([...familyNames].sort());
  });

  for (const family of familyNames) {
    it(`${family}: succeeds after the PENDING polls, one status request each`, async () => {
      const { sandbox: sb, client } = await start({ pendingPolls: 3 });
      const longLived = new AbortController();
      const seen: string[] = [];
      const result = await createAndWait(client, family, bodies[family]("") as never, {
        ...fast,
        signal: longLived.signal,
        onStatus: (status) => seen.push(status.status),
      });
      expect(result.runId).toEqual(expect.any(Number));
      expect(result.status).toMatchObject({ status: "SUCCESS", run_id: result.runId });
      expect(seen).toEqual(["PENDING", "PENDING", "PENDING", "SUCCESS"]);
      expect(statusRequests(sb, family, result.taskId)).toHaveLength(4);
      expect(sb.requests.filter((request) => request.method === "POST")).toHaveLength(1);
      expect(getEventListeners(longLived.signal, "abort")).toHaveLength(0);
    });

    const failures = [
      ["[sandbox:error]", TaskProcessingError, "ERROR"],
      ["[sandbox:timeout]", TaskTimedOutError, "TIMEOUT"],
      ["[sandbox:payment]", PaymentRequiredError, "PAYMENT_REQUIRED"],
    ] as const;
    for (const [marker, ErrorClass, status] of failures) {
      it(`${family}: ${marker} ends in ${ErrorClass.name}`, async () => {
        const { sandbox: sb, client } = await start({ pendingPolls: 1 });
        let taskId = "";
        const error = await createAndWait(client, family, bodies[family](marker) as never, {
          ...fast,
          onCreated: (id) => {
            taskId = id;
          },
        }).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(ErrorClass);
        expect(error).toMatchObject({ taskId, status, payload: { status } });
        expect((error as TaskFailedError).message).toContain(status);
        expect(statusRequests(sb, family, taskId)).toHaveLength(2);
      });
    }
  }

  it("the outcome option fails every task the same way", async () => {
    const { client } = await start({ outcome: "PAYMENT_REQUIRED", pendingPolls: 0 });
    const error = await createAndWait(
      client,
      "text-to-sound",
      bodies["text-to-sound"]("") as never,
      fast,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PaymentRequiredError);
    expect((error as PaymentRequiredError).exceptionReason).toBe("PAYMENT_REQUIRED");
  });
});

describe("waitForTask against the sandbox", () => {
  it("rides out transient 503s on the status call", async () => {
    // Request 1 is the create call; requests 2 and 3 are the first two status polls.
    const { client } = await start({
      pendingPolls: 0,
      faults: [{ kind: "status", status: 503, nth: [2, 3] }],
    });
    const result = await createAndWait(client, "tts", bodies.tts("") as never, {
      ...fast,
      maxTransientErrors: 2,
    });
    expect(result.runId).toEqual(expect.any(Number));
  });

  it("surfaces them past maxTransientErrors", async () => {
    const { client } = await start({
      pendingPolls: 0,
      faults: [{ kind: "status", status: 503, nth: [2, 3] }],
    });
    const error = await createAndWait(client, "tts", bodies.tts("") as never, {
      ...fast,
      maxTransientErrors: 1,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CambApiError);
    expect((error as CambApiError).status).toBe(503);
  });

  it("fails on a status the spec does not know, once it persists", async () => {
    // The sandbox counts this fault on status polls only.
    const { client } = await start({ pendingPolls: 0, faults: [{ kind: "unknown-status", nth: [1, 2] }] });
    const error = await createAndWait(client, "tts", bodies.tts("") as never, {
      ...fast,
      maxTransientErrors: 1,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnknownTaskStatusError);
  });

  it("gets past one unknown status", async () => {
    const { client } = await start({ pendingPolls: 0, faults: [{ kind: "unknown-status", nth: 1 }] });
    const { runId } = await createAndWait(client, "tts", bodies.tts("") as never, fast);
    expect(runId).toBeGreaterThan(0);
  });

  it("treats a malformed status body as transient", async () => {
    const { sandbox: sb, client } = await start({
      pendingPolls: 0,
      faults: [{ kind: "malformed-json", nth: 2 }],
    });
    const result = await createAndWait(client, "tts", bodies.tts("") as never, fast);
    expect(result.runId).toEqual(expect.any(Number));
    expect(statusRequests(sb, "tts", result.taskId)).toHaveLength(2);
  });

  it("a task the sandbox does not know is a final 404", async () => {
    const { sandbox: sb, client } = await start();
    const error = await waitForTask(client, "tts", "no-such-task", fast).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CambApiError);
    expect((error as CambApiError).status).toBe(404);
    expect(sb.requests).toHaveLength(1);
  });

  it("watchTask streams the statuses of a real task", async () => {
    const { client } = await start({ pendingPolls: 2 });
    const created = await client.POST(families["text-to-sound"].create, {
      body: bodies["text-to-sound"](""),
    });
    const taskId = created.data?.task_id as string;
    const seen: string[] = [];
    for await (const status of watchTask(client, "text-to-sound", taskId, fast)) seen.push(status.status);
    expect(seen).toEqual(["PENDING", "PENDING", "SUCCESS"]);
  });
});
