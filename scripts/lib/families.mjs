// Builds the task-families table from the `x-camb-task: { family, role }` extensions of openapi/camb.yaml.
// A family must declare create, status and result operations; bulk is optional. Everything the helpers
// need to know about a family (paths, result media type, bulk bounds) is read here, so a family added to
// the spec works everywhere after `pnpm generate`.

const ROLES = ["create", "status", "result", "bulk"];
const REQUIRED_ROLES = ["create", "status", "result"];
const EXTENSIONS = {
  "audio/flac": "flac",
  "audio/wav": "wav",
  "audio/mpeg": "mp3",
  "audio/aac": "aac",
  "application/json": "json",
};

function resolve(spec, node) {
  let current = node;
  while (current && typeof current.$ref === "string") {
    const parts = current.$ref.replace(/^#\//, "").split("/");
    current = parts.reduce((object, key) => object?.[key], spec);
  }
  return current;
}

function fail(message) {
  throw new Error(`openapi/camb.yaml: ${message}`);
}

/** @returns {Record<string, Record<string, unknown>>} families keyed by name, in spec order */
export function buildFamilies(spec) {
  const families = {};
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      const task = operation?.["x-camb-task"];
      if (!task) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (!ROLES.includes(task.role)) fail(`${where}: x-camb-task.role must be one of ${ROLES.join(", ")}`);
      if (typeof task.family !== "string" || !/^[a-z][a-z0-9-]*$/.test(task.family)) {
        fail(`${where}: x-camb-task.family must be a lowercase name`);
      }
      families[task.family] ??= { operations: {} };
      const family = families[task.family];
      if (family.operations[task.role]) fail(`${where}: family ${task.family} declares ${task.role} twice`);
      family.operations[task.role] = { path, method, operation };
    }
  }

  const table = {};
  for (const [name, { operations }] of Object.entries(families)) {
    for (const role of REQUIRED_ROLES) {
      if (!operations[role]) fail(`family ${name} has no ${role} operation`);
    }
    const expectMethod = { create: "post", status: "get", result: "get", bulk: "post" };
    for (const [role, { method }] of Object.entries(operations)) {
      if (method !== expectMethod[role]) fail(`family ${name}: ${role} must be ${expectMethod[role]}`);
    }
    if (!operations.status.path.includes("{task_id}")) fail(`family ${name}: status path needs {task_id}`);
    if (!operations.result.path.includes("{run_id}")) fail(`family ${name}: result path needs {run_id}`);

    const resultContent = resolve(spec, operations.result.operation.responses?.["200"])?.content ?? {};
    const mediaTypes = Object.keys(resultContent);
    const audio = mediaTypes.find((type) => type !== "application/json") ?? null;
    const resultMediaType = audio ?? "application/json";

    let bulkRunIds = null;
    if (operations.bulk) {
      const body = resolve(spec, operations.bulk.operation.requestBody);
      const schema = resolve(spec, body?.content?.["application/json"]?.schema);
      const runIds = resolve(spec, schema?.properties?.run_ids);
      if (runIds?.type !== "array") fail(`family ${name}: bulk body needs a run_ids array`);
      bulkRunIds = { min: runIds.minItems ?? 1, max: runIds.maxItems ?? null };
    }

    table[name] = {
      create: operations.create.path,
      status: operations.status.path,
      result: operations.result.path,
      bulk: operations.bulk?.path ?? null,
      resultMediaType,
      resultIsAudio: audio !== null,
      resultUrlByQuery: mediaTypes.includes("application/json") && audio !== null,
      fileExtension: EXTENSIONS[resultMediaType] ?? "bin",
      bulkRunIds,
      deprecated: Boolean(operations.create.operation.deprecated),
    };
  }
  return table;
}

/** The TaskStatus enum: polling needs the known statuses at run time to tell an unknown one apart. */
export function taskStatuses(spec) {
  const values = spec.components?.schemas?.TaskStatus?.enum;
  if (!Array.isArray(values) || values.length === 0) fail("components.schemas.TaskStatus needs an enum");
  return values;
}

export function renderFamilies(table, statuses, header) {
  const body = JSON.stringify(table, null, 2);
  return `${header}
/**
 * The task families of the CAMB API (create -> status -> result -> bulk), generated from the
 * \`x-camb-task\` extensions of openapi/camb.yaml. Helpers read paths from here; none is typed by hand.
 */
export const families = ${body} as const;

/** The name of a task family, e.g. \`"text-to-sound"\`. */
export type TaskFamily = keyof typeof families;

/** Every status the spec's TaskStatus enum declares. */
export const taskStatuses = ${JSON.stringify(statuses)} as const;
`;
}
