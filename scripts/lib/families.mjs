// The task-families table, from the `x-camb-task` extensions of the spec (read in task-roles.mjs) and what
// the schemas of each family's operations say about its shape (result-shapes.mjs). Everything a helper needs
// to know about a family (paths and operationIds per role, parameters, body encoding, the shape of its status,
// result and bulk answers, the files a result holds, bounds) is read here, so a family added to the spec works
// in every helper after `pnpm generate`.
import { HEADER, literal } from "./render.mjs";
import { bulkShape, createMayFinish, resultAssets, resultNullable, statusKind } from "./result-shapes.mjs";
import { fail, resolve, successContent } from "./spec.mjs";
import { collectFamilies, pathParameters } from "./task-roles.mjs";

const OPTIONAL_ROLES = ["result", "languageResult", "bulk", "transcript"];

function bulkBounds(spec, name, bulk) {
  const schema = resolve(spec, bulk.requestBody?.content?.["application/json"]?.schema);
  const runIds = resolve(spec, schema?.properties?.run_ids);
  if (runIds?.type !== "array") fail(`family ${name}: the bulk body needs a run_ids array`);
  return { min: runIds.minItems ?? 1, max: runIds.maxItems ?? null, unique: runIds.uniqueItems === true };
}

/** The result's file form: its binary media type when it has one (JSON is then its URL form), else JSON. */
function resultMedia(result, media) {
  if (!result)
    return { resultMediaType: null, resultIsAudio: false, resultUrlByQuery: false, fileExtension: null };
  const types = Object.keys(successContent(result));
  const binary = types.find((type) => media[type]?.binary);
  const resultMediaType = binary ?? "application/json";
  return {
    resultMediaType,
    resultIsAudio: binary !== undefined,
    resultUrlByQuery: binary !== undefined && types.includes("application/json"),
    fileExtension: media[resultMediaType].extension,
  };
}

function createBody(name, create) {
  const types = Object.keys(create.requestBody?.content ?? {});
  if (types.includes("multipart/form-data")) return "multipart";
  if (types.length === 0 || types.includes("application/json")) return "json";
  return fail(`family ${name}: the create body must be JSON or multipart, not ${types.join(", ")}`);
}

/** @param media the generated media table (`mediaTypes`), for the result's file extension. */
export function buildFamilies(spec, index, media) {
  const table = {};
  for (const [name, roles] of Object.entries(collectFamilies(index))) {
    const { create, status, result, bulk } = roles;
    const paths = Object.fromEntries(OPTIONAL_ROLES.map((role) => [role, roles[role]?.path ?? null]));
    table[name] = {
      create: create.path,
      status: status.path,
      ...paths,
      operations: Object.fromEntries(
        ["create", "status", ...OPTIONAL_ROLES].map((role) => [role, roles[role]?.id ?? null]),
      ),
      parent: roles.parent ?? null,
      createParams: pathParameters(create.path),
      createBody: createBody(name, create),
      createMayFinish: createMayFinish(spec, create),
      statusParam: pathParameters(status.path)[0],
      statusKind: statusKind(spec, status),
      resultParams: result ? pathParameters(result.path).filter((param) => param !== "run_id") : [],
      resultNullable: result ? resultNullable(spec, result) : false,
      ...resultMedia(result, media),
      assets: result ? resultAssets(spec, result) : resultAssets(spec, create),
      bulkRunIds: bulk ? bulkBounds(spec, name, bulk) : null,
      bulkShape: bulk ? bulkShape(spec, bulk) : null,
      deprecated: Boolean(create.operation.deprecated),
    };
  }
  return table;
}

export function renderFamilies(table) {
  return `${HEADER}
/**
 * The task families of the CAMB API (create -> status -> result -> bulk), generated from the
 * \`x-camb-task\` extensions of openapi/camb.yaml. Helpers read paths, operationIds and every irregularity
 * of a family (a parent run in the create path, a status that is a list of runs, a result that may be null
 * or scoped by language, the files a result holds) from here; none is typed by hand.
 */
export const families = ${literal(table)} as const;

/** The name of a task family, e.g. \`"text-to-sound"\`. */
export type TaskFamily = keyof typeof families;
`;
}
