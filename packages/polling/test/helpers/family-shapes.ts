// Families picked from the generated table by the shape of their entry (never by name), with what a test
// needs to drive each shape: path parameters, scripted status answers, the answers of a finished create.
import { families, type TaskFamily } from "@camb-kit/client";
import type { CreateAndWaitFamily } from "../../src/index.js";
import type { Answer } from "./scripted-fetch.js";

type Entry = (typeof families)[TaskFamily];

/** Families whose create is plain JSON, answers `{ task_id }` and whose status is a status object. */
export type PlainFamily = {
  [F in TaskFamily]: (typeof families)[F] extends {
    createBody: "json";
    createParams: readonly [];
    createMayFinish: false;
    statusKind: "task";
  }
    ? F
    : never;
}[TaskFamily];

/** The families whose table entry passes `test`. */
export function familiesWhere(test: (entry: Entry) => boolean): CreateAndWaitFamily[] {
  return (Object.keys(families) as TaskFamily[]).filter((name) => {
    const entry: Entry = families[name];
    return entry.create !== null && entry.status !== null && test(entry);
  }) as CreateAndWaitFamily[];
}

/** Path parameters for a parent-run family's create call (a run id of 1 for each), or undefined. */
export function samplePath(family: TaskFamily): Record<string, number> | undefined {
  const { createParams } = families[family];
  return createParams.length === 0 ? undefined : Object.fromEntries(createParams.map((name) => [name, 1]));
}

/** The family's create path with `samplePath` filled in. */
export function sampleCreatePath(family: TaskFamily): string {
  let path: string = families[family].create ?? "";
  for (const [name, value] of Object.entries(samplePath(family) ?? {}))
    path = path.replace(`{${name}}`, String(value));
  return path;
}

/** The family's status path for a task id. */
export const statusPath = (family: TaskFamily, taskId: string): string =>
  (families[family].status ?? "").replace(`{${families[family].statusParam}}`, taskId);

/** Status answers that go pending once, then succeed with `runId`, in the family's status shape. */
export function pendingThenSuccess(family: TaskFamily, runId: number): Answer[] {
  if (families[family].statusKind === "runs") return [[], [{ run_id: runId }]];
  return [{ status: "PENDING" }, { status: "SUCCESS", run_id: runId }];
}

/** Whether the family gets its files from its create call after the wait (no result endpoint to ask). */
export const filesAfterWait = (family: TaskFamily): boolean =>
  families[family].createMayFinish && families[family].result === null;
