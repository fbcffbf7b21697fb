// Every operation of the spec with the handler that answers it: task-family operations by their role (from
// the generated table, so a family added to the spec is served after `pnpm generate`), the rest by name.
import { type OperationId, operations } from "@camb-kit/client/spec";
import type { OperationHandler } from "./context.js";
import { detail } from "./respond.js";
import { streamSpeech } from "./stream-speech.js";
import { taskHandler } from "./tasks.js";
import { createCustomVoice, listLanguages, listVoices } from "./voices.js";

export interface RouteEntry {
  operationId: OperationId;
  handler: OperationHandler;
  /** A task-status poll (where the "unknown-status" fault applies). */
  isStatus: boolean;
}

/** Operations outside the task families, by operationId. */
const NAMED: Partial<Record<OperationId, OperationHandler>> = {
  streamSpeech,
  listVoices,
  createCustomVoice,
  listSourceLanguages: listLanguages,
  listTargetLanguages: listLanguages,
};

function notImplemented(operationId: OperationId): OperationHandler {
  return () => detail(501, `The camb-kit sandbox does not implement ${operationId} yet.`);
}

/** Every operation with its handler; one the sandbox has no handler for is still validated, then 501. */
export function buildRouteTable(): Map<OperationId, RouteEntry> {
  const table = new Map<OperationId, RouteEntry>();
  for (const operationId of Object.keys(operations) as OperationId[]) {
    const { task } = operations[operationId];
    const handler = task
      ? taskHandler(task.family, task.role)
      : (NAMED[operationId] ?? notImplemented(operationId));
    table.set(operationId, { operationId, handler, isStatus: task?.role === "status" });
  }
  return table;
}
