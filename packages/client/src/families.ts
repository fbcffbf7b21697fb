// Types read off the generated families table (which families have a bulk endpoint, an audio result, a
// status object, a create call; what a create body, path and answer are), so helpers are typed per family
// without a list of family names anywhere.
import { families, type TaskFamily } from "./generated/families.js";
import type { components, paths } from "./generated/schema.js";
import type { UploadPaths } from "./multipart/upload-types.js";

export { families, type TaskFamily };

type Family<F extends TaskFamily> = (typeof families)[F];
/** The families whose table entry has `Key` of type `Value`. */
type FamiliesWhere<Key extends keyof Family<TaskFamily>, Value> = {
  [F in TaskFamily]: Family<F>[Key] extends Value ? F : never;
}[TaskFamily];

type JsonContent<Operation> = Operation extends {
  responses: { 200: { content: { "application/json": infer Body } } };
}
  ? Body
  : never;

/** Families with a create operation: what `createTask` and `createAndWait` take, JSON or multipart. */
export type CreatableTaskFamily = FamiliesWhere<"create", string>;

/**
 * Families whose create path takes a parent run (`createParams`: a dub's run id and language, a story's run
 * id): their create calls need `options.path`.
 */
export type ParentRunTaskFamily = Exclude<CreatableTaskFamily, FamiliesWhere<"createParams", readonly []>>;

/** Families whose create call may answer the finished result in place of a task (`createMayFinish`). */
export type FinishingTaskFamily = FamiliesWhere<"createMayFinish", true>;

type CreateOperation<F extends CreatableTaskFamily> = UploadPaths<paths>[Family<F>["create"]]["post"];

/**
 * The request body of a family's create call as the spec types it, e.g. `CreateTaskBody<"text-to-sound">`:
 * JSON, or a multipart form object whose file parts take a Blob, File or StreamedFile.
 */
export type CreateTaskBody<F extends CreatableTaskFamily> = F extends unknown
  ? CreateOperation<F> extends { requestBody?: { content: infer Content } }
    ? Content[keyof Content]
    : never
  : never;

/** The path parameters of a parent-run family's create call, e.g. `{ run_id, language }`. */
export type CreateTaskPath<F extends CreatableTaskFamily> = F extends ParentRunTaskFamily
  ? CreateOperation<F> extends { parameters: { path: infer Path } }
    ? NonNullable<Path>
    : never
  : never;

/** What a family's create call answers (its 200 JSON): `{ task_id }`, or also a finished result. */
export type CreateTaskAnswer<F extends CreatableTaskFamily> = F extends unknown
  ? JsonContent<CreateOperation<F>>
  : never;

/** The finished result a `createMayFinish` family's create call may answer in place of `{ task_id }`. */
export type FinishedCreateAnswer<F extends CreatableTaskFamily> = Exclude<
  CreateTaskAnswer<F>,
  { task_id: unknown }
>;

/** Families with a status operation, whichever its answer (a status object or a list of runs). */
export type PollableTaskFamily = FamiliesWhere<"status", string>;

/** Families whose status call answers a status object (`{ status, run_id }`), not a list of runs. */
export type StatusTaskFamily = FamiliesWhere<"statusKind", "task">;

/** Families whose status call answers a list of runs, empty until the task is done (`statusKind: "runs"`). */
export type RunsStatusTaskFamily = FamiliesWhere<"statusKind", "runs">;

/** What a family's status call answers: a `TaskStatusResult`, or the list of runs. */
export type TaskStatusAnswer<F extends PollableTaskFamily> = JsonContent<paths[Family<F>["status"]]["get"]>;

/** Families with a result endpoint that takes the run id alone. */
export type ResultTaskFamily = FamiliesWhere<"result", string> & FamiliesWhere<"resultParams", readonly []>;

/** Families that have a bulk-results endpoint answering a map keyed by run id. */
export type BulkTaskFamily = FamiliesWhere<"bulkShape", "map">;

/** Families whose result is a file (audio), as opposed to JSON (like text-to-voice's preview URLs). */
export type AudioTaskFamily = FamiliesWhere<"resultIsAudio", true>;

export type TaskStatus = components["schemas"]["TaskStatus"];
export type TaskStatusResult = components["schemas"]["TaskStatusResult"];
export type Schemas = components["schemas"];

/** Narrows an arbitrary string (a CLI argument, a URL segment) to a family name. */
export function isTaskFamily(name: string): name is TaskFamily {
  return Object.hasOwn(families, name);
}
