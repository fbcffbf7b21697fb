// Reads the `x-camb-task` extensions of the spec: which operation plays which role in which task family. An
// operation may serve several families (a list of `{ family, role }`), and the rules every role must follow
// (method, path parameters) are checked here, so a family that breaks them fails `pnpm generate`.
import { fail } from "./spec.mjs";

/** The method of each role, and whether a role may be declared twice for a family (with a `scope`). */
const ROLES = {
  create: "post",
  status: "get",
  result: "get",
  bulk: "post",
  transcript: "get",
};
const SCOPES = ["language"];
const FAMILY_NAME = /^[a-z][a-z0-9-]*$/;

/** The `{…}` parameters of a path template, in order. */
export function pathParameters(path) {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
}

function declarations(entry) {
  const raw = entry.operation["x-camb-task"];
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  for (const task of list) {
    if (!Object.hasOwn(ROLES, task?.role)) {
      fail(`${entry.where}: x-camb-task.role must be one of ${Object.keys(ROLES).join(", ")}`);
    }
    if (typeof task.family !== "string" || !FAMILY_NAME.test(task.family)) {
      fail(`${entry.where}: x-camb-task.family must be a lowercase name`);
    }
    if (entry.method !== ROLES[task.role]) {
      fail(`${entry.where}: a ${task.role} operation must be ${ROLES[task.role].toUpperCase()}`);
    }
    if (task.scope !== undefined && (task.role !== "result" || !SCOPES.includes(task.scope))) {
      fail(`${entry.where}: only a result takes a scope, one of ${SCOPES.join(", ")}`);
    }
    if (task.parent !== undefined && (task.role !== "create" || !FAMILY_NAME.test(task.parent))) {
      fail(`${entry.where}: only a create operation names a parent family`);
    }
  }
  return list;
}

/** The role key a declaration fills in its family's record: `result` scoped by language is `languageResult`. */
function slot(task) {
  return task.scope === "language" ? "languageResult" : task.role;
}

/**
 * Every family with the index entry of each of its roles: `{ [family]: { create, status, result?,
 * languageResult?, bulk?, transcript?, parent? } }`, checked for what every helper relies on.
 */
export function collectFamilies(index) {
  const families = {};
  for (const entry of index) {
    for (const task of declarations(entry)) {
      families[task.family] ??= {};
      const roles = families[task.family];
      const key = slot(task);
      if (roles[key]) fail(`family ${task.family} declares ${key} twice`);
      roles[key] = entry;
      if (task.parent !== undefined) roles.parent = task.parent;
    }
  }
  for (const [name, roles] of Object.entries(families)) checkFamily(name, roles, families);
  return families;
}

function checkFamily(name, roles, families) {
  for (const role of ["create", "status"]) if (!roles[role]) fail(`family ${name} has no ${role} operation`);
  if (pathParameters(roles.status.path).length !== 1) {
    fail(`family ${name}: the status path needs exactly one parameter, the task id`);
  }
  for (const key of ["result", "languageResult", "transcript"]) {
    if (roles[key] && !pathParameters(roles[key].path).includes("run_id")) {
      fail(`family ${name}: the ${key} path needs {run_id}`);
    }
  }
  if (roles.languageResult && !roles.result) fail(`family ${name}: a language-scoped result needs a result`);
  if (roles.parent !== undefined) {
    if (!families[roles.parent]) fail(`family ${name}: parent ${roles.parent} is not a family`);
    if (pathParameters(roles.create.path).length === 0) {
      fail(`family ${name}: a create with a parent takes the parent's run id in its path`);
    }
  }
}
