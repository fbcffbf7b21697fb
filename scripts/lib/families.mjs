// The task-families table, from the `x-camb-task: { family, role }` extensions of the spec. A family needs
// create, status and result operations; bulk is optional. Everything a helper needs to know about a family
// (paths, result media type and file extension, bulk bounds) is read here, so a family added to the spec
// works in every helper after `pnpm generate`.
import { HEADER, literal } from "./render.mjs";
import { fail, resolve, successContent } from "./spec.mjs";

const METHOD_OF_ROLE = { create: "post", status: "get", result: "get", bulk: "post" };
const REQUIRED_ROLES = ["create", "status", "result"];

function collectRoles(index) {
  const families = {};
  for (const entry of index) {
    const task = entry.operation["x-camb-task"];
    if (!task) continue;
    if (!Object.hasOwn(METHOD_OF_ROLE, task.role)) {
      fail(`${entry.where}: x-camb-task.role must be one of ${Object.keys(METHOD_OF_ROLE).join(", ")}`);
    }
    if (typeof task.family !== "string" || !/^[a-z][a-z0-9-]*$/.test(task.family)) {
      fail(`${entry.where}: x-camb-task.family must be a lowercase name`);
    }
    if (entry.method !== METHOD_OF_ROLE[task.role]) {
      fail(`${entry.where}: a ${task.role} operation must be ${METHOD_OF_ROLE[task.role].toUpperCase()}`);
    }
    families[task.family] ??= {};
    if (families[task.family][task.role]) fail(`family ${task.family} declares ${task.role} twice`);
    families[task.family][task.role] = entry;
  }
  return families;
}

function bulkBounds(spec, name, bulk) {
  const schema = resolve(spec, bulk.requestBody?.content?.["application/json"]?.schema);
  const runIds = resolve(spec, schema?.properties?.run_ids);
  if (runIds?.type !== "array") fail(`family ${name}: the bulk body needs a run_ids array`);
  return { min: runIds.minItems ?? 1, max: runIds.maxItems ?? null };
}

/** @param media the generated media table (`mediaTypes`), for the result's file extension. */
export function buildFamilies(spec, index, media) {
  const table = {};
  for (const [name, roles] of Object.entries(collectRoles(index))) {
    for (const role of REQUIRED_ROLES) if (!roles[role]) fail(`family ${name} has no ${role} operation`);
    if (!roles.status.path.includes("{task_id}")) fail(`family ${name}: the status path needs {task_id}`);
    if (!roles.result.path.includes("{run_id}")) fail(`family ${name}: the result path needs {run_id}`);

    const mediaTypes = Object.keys(successContent(roles.result));
    // A result is the file itself when it has a binary form; JSON is then its URL form (`output_type`).
    const binary = mediaTypes.find((type) => media[type]?.binary);
    const resultMediaType = binary ?? "application/json";
    table[name] = {
      create: roles.create.path,
      status: roles.status.path,
      result: roles.result.path,
      bulk: roles.bulk?.path ?? null,
      resultMediaType,
      resultIsAudio: binary !== undefined,
      resultUrlByQuery: binary !== undefined && mediaTypes.includes("application/json"),
      fileExtension: media[resultMediaType].extension,
      bulkRunIds: roles.bulk ? bulkBounds(spec, name, roles.bulk) : null,
      deprecated: Boolean(roles.create.operation.deprecated),
    };
  }
  return table;
}

export function renderFamilies(table) {
  return `${HEADER}
/**
 * The task families of the CAMB API (create -> status -> result -> bulk), generated from the
 * \`x-camb-task\` extensions of openapi/camb.yaml. Helpers read paths from here; none is typed by hand.
 */
export const families = ${literal(table)} as const;

/** The name of a task family, e.g. \`"text-to-sound"\`. */
export type TaskFamily = keyof typeof families;
`;
}
