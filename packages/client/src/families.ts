// Types read off the generated families table (which family has a bulk endpoint, an audio result, what its
// create body is), so helpers are typed per family without a list of family names anywhere.
import { families, type TaskFamily } from "./generated/families.js";
import type { components, paths } from "./generated/schema.js";

export { families, type TaskFamily };

type Family<F extends TaskFamily> = (typeof families)[F];
type JsonBody<Operation> = Operation extends {
  requestBody: { content: { "application/json": infer Body } };
}
  ? Body
  : never;

/** The request body of a family's create call, e.g. `CreateTaskBody<"text-to-sound">`. */
export type CreateTaskBody<F extends TaskFamily> = JsonBody<paths[Family<F>["create"]]["post"]>;

/** Families that have a bulk-results endpoint. */
export type BulkTaskFamily = {
  [F in TaskFamily]: Family<F>["bulk"] extends string ? F : never;
}[TaskFamily];

/** Families whose result is a file (audio), as opposed to JSON (like text-to-voice's preview URLs). */
export type AudioTaskFamily = {
  [F in TaskFamily]: Family<F>["resultIsAudio"] extends true ? F : never;
}[TaskFamily];

export type TaskStatus = components["schemas"]["TaskStatus"];
export type TaskStatusResult = components["schemas"]["TaskStatusResult"];
export type Schemas = components["schemas"];

/** Narrows an arbitrary string (a CLI argument, a URL segment) to a family name. */
export function isTaskFamily(name: string): name is TaskFamily {
  return Object.hasOwn(families, name);
}
