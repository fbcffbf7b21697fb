// Types read off the generated families table (which families have a bulk endpoint, an audio result, a
// status object, a plain create call; what a create body is), so helpers are typed per family without a list
// of family names anywhere.
import { families, type TaskFamily } from "./generated/families.js";
import type { components, paths } from "./generated/schema.js";

export { families, type TaskFamily };

type Family<F extends TaskFamily> = (typeof families)[F];
/** The families whose table entry has `Key` of type `Value`. */
type FamiliesWhere<Key extends keyof Family<TaskFamily>, Value> = {
  [F in TaskFamily]: Family<F>[Key] extends Value ? F : never;
}[TaskFamily];

type JsonBody<Operation> = Operation extends {
  requestBody: { content: { "application/json": infer Body } };
}
  ? Body
  : never;

/**
 * Families created by a plain JSON call that answers `{ task_id }` (no parent run in the path, no upload, no
 * finished result in its place): what `createTask` and `createAndWait` take.
 */
export type CreatableTaskFamily = FamiliesWhere<"createBody", "json"> &
  FamiliesWhere<"createParams", readonly []> &
  FamiliesWhere<"createMayFinish", false>;

/** The request body of a family's create call, e.g. `CreateTaskBody<"text-to-sound">`. */
export type CreateTaskBody<F extends TaskFamily> = JsonBody<paths[Family<F>["create"]]["post"]>;

/** Families whose status call answers a status object (`{ status, run_id }`), not a list of runs. */
export type StatusTaskFamily = FamiliesWhere<"statusKind", "task">;

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
