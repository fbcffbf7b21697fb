// createAndWait, waitForTask and watchTask over every irregular shape of the generated table (a parent run
// in the create path, a multipart create, a create that answers the finished result, one that answers the
// files after the wait, a status that is a list of runs), on scripted answers, families picked by property.
import { families } from "@camb-kit/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createAndWait,
  MissingFinishedAnswerError,
  MissingRunIdError,
  MissingTaskIdError,
  PollTimeoutError,
  UnknownTaskStatusError,
  waitForTask,
  watchTask,
} from "../src/index.js";
import {
  familiesWhere,
  filesAfterWait,
  pendingThenSuccess,
  sampleCreatePath,
  samplePath,
  statusPath,
} from "./helpers/family-shapes.js";
import { type Answer, scriptedClient, settle } from "./helpers/scripted-fetch.js";

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

const body = { language: "en-us", media_url: "https://media.test/a.mp4" } as never;
const files = { output_url: "https://files.test/dub.wav" };
const all = familiesWhere(() => true);
const runsFamilies = familiesWhere((entry) => entry.statusKind === "runs");
const finishing = familiesWhere((entry) => entry.createMayFinish);

/** Calls createAndWait with the family's sample path when it takes one (no options object otherwise). */
function run(client: Parameters<typeof createAndWait>[0], family: (typeof all)[number], options = {}) {
  const path = samplePath(family);
  return createAndWait(client, family, body, { ...options, ...(path && { path }) } as never);
}

describe("the table has every shape these tests drive", () => {
  it("has families of each irregular shape", () => {
    expect(runsFamilies.length).toBeGreaterThan(0);
    expect(finishing.filter(filesAfterWait).length).toBeGreaterThan(0);
    expect(finishing.filter((family) => !filesAfterWait(family)).length).toBeGreaterThan(0);
    expect(familiesWhere((entry) => entry.createParams.length > 0).length).toBeGreaterThan(0);
    expect(familiesWhere((entry) => entry.createBody === "multipart").length).toBeGreaterThan(0);
    expect(familiesWhere((entry) => entry.statusParam !== "task_id").length).toBeGreaterThan(0);
  });
});

describe("createAndWait, every family with a create operation", () => {
  for (const family of all) {
    const entry = families[family];
    it(`${family}: creates on its own path (${entry.createBody}), waits on its status shape (${entry.statusKind})`, async () => {
      const after: Answer[] = filesAfterWait(family) ? [files] : [];
      const answers = [{ task_id: "t-1" }, ...pendingThenSuccess(family, 77), ...after];
      const scripted = scriptedClient(answers);
      const result = settle(run(scripted.client, family));
      await vi.runAllTimersAsync();
      const settled = await result;
      expect(settled.ok).toBe(true);
      const value = (settled as { value: Awaited<ReturnType<typeof createAndWait>> }).value;
      expect(value).toMatchObject({ taskId: "t-1", runId: 77, status: { status: "SUCCESS", run_id: 77 } });
      if (entry.statusKind === "runs") expect(value.status).toMatchObject({ runs: [{ run_id: 77 }] });
      expect(value.finished).toEqual(filesAfterWait(family) ? files : undefined);

      const [create, ...rest] = scripted.requests;
      expect(create?.method).toBe("POST");
      expect(new URL(create?.url ?? "").pathname).toBe(sampleCreatePath(family));
      const type = create?.headers.get("content-type") ?? "";
      if (entry.createBody === "multipart") {
        // A form without a file part still goes as multipart, the way the API reads it.
        expect(type).toMatch(/^multipart\/form-data; boundary=/);
        expect(await create?.text()).toContain('name="media_url"');
      } else {
        expect(type).toBe("application/json");
        expect(await create?.json()).toEqual(body);
      }
      const polls = filesAfterWait(family) ? rest.slice(0, -1) : rest;
      expect(polls.map((request) => new URL(request.url).pathname)).toEqual([
        statusPath(family, "t-1"),
        statusPath(family, "t-1"),
      ]);
      // Only a family whose files come from its create call asks it again, once, after SUCCESS.
      const posts = scripted.requests.filter((request) => request.method === "POST");
      expect(posts).toHaveLength(filesAfterWait(family) ? 2 : 1);
    });
  }

  for (const family of finishing) {
    it(`${family}: a create that answers the finished result resolves at once, polling nothing`, async () => {
      const answer = filesAfterWait(family) ? files : { run_id: 9, details: { title: "done" } };
      const scripted = scriptedClient([answer]);
      const onCreated = vi.fn();
      const value = await run(scripted.client, family, { onCreated });
      expect(value).toEqual({
        taskId: undefined,
        status: undefined,
        runId: filesAfterWait(family) ? undefined : 9,
        finished: answer,
      });
      expect(onCreated).not.toHaveBeenCalled();
      expect(scripted.requests).toHaveLength(1);
    });
  }

  for (const family of finishing.filter((name) => !filesAfterWait(name))) {
    it(`${family}: a finished answer without a run id is MissingRunIdError (its result needs one)`, async () => {
      const scripted = scriptedClient([{ details: { title: "done" } }]);
      await expect(run(scripted.client, family)).rejects.toBeInstanceOf(MissingRunIdError);
    });
  }

  for (const family of finishing.filter(filesAfterWait)) {
    it(`${family}: asking again after SUCCESS is done once; a second task answer is MissingFinishedAnswerError`, async () => {
      const scripted = scriptedClient([
        { task_id: "t-1" },
        ...pendingThenSuccess(family, 5),
        { task_id: "t-2" },
      ]);
      const result = settle(run(scripted.client, family));
      await vi.runAllTimersAsync();
      const settled = (await result) as { ok: false; error: MissingFinishedAnswerError };
      expect(settled.error).toBeInstanceOf(MissingFinishedAnswerError);
      expect(settled.error).toMatchObject({ taskId: "t-1", body: { task_id: "t-2" } });
      expect(scripted.requests.filter((request) => request.method === "POST")).toHaveLength(2);
    });
  }

  for (const family of familiesWhere((entry) => !entry.createMayFinish).slice(0, 1)) {
    it(`${family}: an answer without a task id is MissingTaskIdError, never a finished result`, async () => {
      const scripted = scriptedClient([{ message: "Not now." }]);
      await expect(run(scripted.client, family)).rejects.toBeInstanceOf(MissingTaskIdError);
      expect(scripted.requests).toHaveLength(1);
    });
  }
});

describe("a status that is a list of runs", () => {
  for (const family of runsFamilies) {
    it(`${family}: waits while the list is empty, resolves with the first run's id and the list`, async () => {
      const runs = [{ run_id: 31, project_details: {} }, { run_id: 32 }];
      const scripted = scriptedClient([[], [], runs]);
      const seen: unknown[] = [];
      const result = settle(
        waitForTask(scripted.client, family, "t-9", { onStatus: (list) => seen.push(list) }),
      );
      await vi.runAllTimersAsync();
      expect(await result).toEqual({ ok: true, value: { status: "SUCCESS", run_id: 31, runs } });
      expect(seen).toEqual([[], [], runs]);
      expect(scripted.requests.map((request) => new URL(request.url).pathname)).toEqual(
        Array(3).fill(statusPath(family, "t-9")),
      );
    });

    it(`${family}: watchTask yields each list, ending after the first non-empty one`, async () => {
      const scripted = scriptedClient([[], [{ run_id: 4 }]]);
      const seen: unknown[] = [];
      const done = (async () => {
        for await (const list of watchTask(scripted.client, family, "t-9")) seen.push(list);
      })();
      await vi.runAllTimersAsync();
      await done;
      expect(seen).toEqual([[], [{ run_id: 4 }]]);
    });

    it(`${family}: a run without a usable run id is MissingRunIdError`, async () => {
      const scripted = scriptedClient([[{ run_id: 1.5 }]]);
      const result = settle(waitForTask(scripted.client, family, "t-9"));
      await vi.runAllTimersAsync();
      expect(((await result) as { error: unknown }).error).toBeInstanceOf(MissingRunIdError);
    });

    it(`${family}: an answer that is not a list is an unknown status, tolerated as transient`, async () => {
      const scripted = scriptedClient([{ status: "PENDING" }, { status: "PENDING" }, [{ run_id: 8 }]]);
      const result = settle(waitForTask(scripted.client, family, "t-9", { maxTransientErrors: 2 }));
      await vi.runAllTimersAsync();
      expect(await result).toMatchObject({ ok: true, value: { run_id: 8 } });
      const failing = scriptedClient([{ status: "PENDING" }]);
      const failed = settle(waitForTask(failing.client, family, "t-9", { maxTransientErrors: 1 }));
      await vi.runAllTimersAsync();
      expect(((await failed) as { error: unknown }).error).toBeInstanceOf(UnknownTaskStatusError);
    });

    it(`${family}: a list that stays empty ends at the deadline with the last list seen`, async () => {
      const scripted = scriptedClient([[]]);
      const result = settle(waitForTask(scripted.client, family, "t-9", { timeoutMs: 5_000 }));
      await vi.runAllTimersAsync();
      const error = ((await result) as { error: PollTimeoutError }).error;
      expect(error).toBeInstanceOf(PollTimeoutError);
      expect(error.lastStatus).toEqual([]);
    });
  }
});
