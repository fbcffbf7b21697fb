// Every operation of the spec with the handler that answers it: task-family operations by their role (from
// the generated table, so a family added to the spec is served after `pnpm generate`), the rest by name.
import { type OperationId, operations } from "@camb-kit/client/spec";
import type { FileAnalyser } from "../uploads/types.js";
import type { OperationHandler } from "./context.js";
import {
  addDictionaryTerm,
  createDictionaryFromFile,
  deleteDictionary,
  deleteDictionaryTerm,
  dictionaryFileAnalysers,
  getDictionary,
  getDictionaryDetails,
  listDictionaries,
  updateDictionaryTerm,
} from "./dictionaries.js";
import { createFolder, listFolders } from "./folders.js";
import {
  createLiveStream,
  deleteLiveStream,
  getLiveStream,
  probeLiveStream,
  stopLiveStreamV1,
  updateLiveStream,
} from "./live-streams.js";
import { detail } from "./respond.js";
import { streamSpeech } from "./stream-speech.js";
import { taskHandler } from "./tasks.js";
import { streamTranslation } from "./translation.js";
import { UPLOAD_ANALYSERS } from "./uploads.js";
import { createCustomVoice, listLanguages, listVoices } from "./voices.js";

export interface RouteEntry {
  operationId: OperationId;
  handler: OperationHandler;
  /** A task-status poll (where the "unknown-status" fault applies). */
  isStatus: boolean;
  /** Analysers for the operation's file parts, by part name (see uploads/types.ts). */
  analysers?: Readonly<Record<string, FileAnalyser>>;
}

/** Operations outside the task families, by operationId. */
const NAMED: Partial<Record<OperationId, OperationHandler>> = {
  streamSpeech,
  streamTranslation,
  listVoices,
  createCustomVoice,
  listSourceLanguages: listLanguages,
  listTargetLanguages: listLanguages,
  listDictionaries,
  createDictionaryFromFile,
  getDictionary,
  deleteDictionary,
  getDictionaryDetails,
  addDictionaryTerm,
  updateDictionaryTerm,
  deleteDictionaryTerm,
  listFolders,
  createFolder,
  createLiveStream,
  getLiveStream,
  updateLiveStream,
  deleteLiveStream,
  probeLiveStream,
  // The deprecated v1 paths behave as their successors (v1 stop keeps the stream, stopped; DELETE forgets it).
  createLiveStreamV1: createLiveStream,
  getLiveStreamV1: getLiveStream,
  stopLiveStreamV1,
  probeLiveStreamV1: probeLiveStream,
};

/** Analysers for the file parts of operations outside the task families. */
const NAMED_ANALYSERS: Partial<Record<OperationId, Readonly<Record<string, FileAnalyser>>>> = {
  createDictionaryFromFile: dictionaryFileAnalysers,
};

/** The integration aliases of a status call (deprecated; not in x-camb-task, which names one per family). */
const statusAlias = (family: "tts" | "dub") => taskHandler([{ family, role: "status", scope: null }]);
NAMED.getSpeechTaskStatusDiscord = statusAlias("tts");
NAMED.getDubTaskStatusDiscord = statusAlias("dub");
NAMED.getDubTaskStatusTwitter = statusAlias("dub");

function notImplemented(operationId: OperationId): OperationHandler {
  return () => detail(501, `The camb-kit sandbox does not implement ${operationId} yet.`);
}

/** Every operation with its handler; one the sandbox has no handler for is still validated, then 501. */
export function buildRouteTable(): Map<OperationId, RouteEntry> {
  const table = new Map<OperationId, RouteEntry>();
  for (const operationId of Object.keys(operations) as OperationId[]) {
    const { tasks } = operations[operationId];
    const handler =
      tasks.length > 0 ? taskHandler(tasks) : (NAMED[operationId] ?? notImplemented(operationId));
    const isStatus = tasks.some((task) => task.role === "status");
    const creates = tasks.find((task) => task.role === "create")?.family;
    const analysers = creates ? UPLOAD_ANALYSERS[creates] : NAMED_ANALYSERS[operationId];
    table.set(operationId, { operationId, handler, isStatus, ...(analysers ? { analysers } : {}) });
  }
  return table;
}
