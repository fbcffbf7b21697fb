import { families, type TaskFamily } from "@camb-kit/client";
import { isObject } from "../spec/document.js";
import { type OperationSpec, operations } from "../spec/operations.js";
import type { OperationHandler } from "./context.js";
import { detail } from "./respond.js";
import { streamSpeech } from "./stream-speech.js";
import { type TaskRole, taskHandler } from "./tasks.js";
import { createCustomVoice, listLanguages, listVoices } from "./voices.js";

export interface RouteEntry {
  op: OperationSpec;
  handler: OperationHandler;
  /** A task-status poll (where the "unknown-status" fault applies). */
  isStatus: boolean;
}

/** Operations outside the task families, by operationId. Everything else is driven by `families`. */
const NAMED: Record<string, OperationHandler> = {
  streamSpeech,
  listVoices,
  createCustomVoice,
  listSourceLanguages: listLanguages,
  listTargetLanguages: listLanguages,
};

const ROLES: readonly TaskRole[] = ["create", "status", "result", "bulk"];

function taskRole(op: OperationSpec): { family: string; role: string } | undefined {
  const task = op.node["x-camb-task"];
  return isObject(task) ? { family: String(task.family), role: String(task.role) } : undefined;
}

function notImplemented(op: OperationSpec): OperationHandler {
  return () => detail(501, `The camb-kit sandbox does not implement ${op.operationId} yet.`);
}

/**
 * Every operation of the spec with its handler. Task families come from the client's generated `families`
 * table (so a family added to the spec is served after `pnpm generate`); an operation the sandbox has no
 * handler for is still validated, then answered 501.
 */
export function buildRouteTable(): RouteEntry[] {
  const byOperation = new Map<string, RouteEntry>();
  for (const family of Object.keys(families) as TaskFamily[]) {
    for (const role of ROLES) {
      const path: string | null = families[family][role];
      if (!path) continue;
      for (const op of operations.values()) {
        const task = taskRole(op);
        if (op.path === path && task?.family === family && task.role === role)
          byOperation.set(op.operationId, {
            op,
            handler: taskHandler(family, role),
            isStatus: role === "status",
          });
      }
    }
  }
  for (const op of operations.values()) {
    if (byOperation.has(op.operationId)) continue;
    byOperation.set(op.operationId, {
      op,
      handler: NAMED[op.operationId] ?? notImplemented(op),
      isStatus: false,
    });
  }
  return [...byOperation.values()];
}
