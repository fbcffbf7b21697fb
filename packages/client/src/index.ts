// @camb-kit/client: the typed client, its errors, and the task and audio helpers built on it.
export {
  type AudioStream,
  openResultAudio,
  openSpeechStream,
  type SpeechStream,
  type StreamSpeechBody,
} from "./audio.js";
export type { BinaryPaths, CambClient, CambMethod, IsBinaryOperation } from "./camb-client.js";
export { type CambClientOptions, createCambClient } from "./create-client.js";
export { CambApiError } from "./errors/api-error.js";
export { CambError } from "./errors/camb-error.js";
export {
  CambConnectionError,
  CambMalformedResponseError,
  CambRedirectError,
  CambTimeoutError,
} from "./errors/transport-errors.js";
export {
  type AudioTaskFamily,
  type BulkTaskFamily,
  type CreatableTaskFamily,
  type CreateTaskAnswer,
  type CreateTaskBody,
  type CreateTaskPath,
  type FinishedCreateAnswer,
  type FinishingTaskFamily,
  families,
  isTaskFamily,
  type ParentRunTaskFamily,
  type PollableTaskFamily,
  type ResultTaskFamily,
  type RunsStatusTaskFamily,
  type Schemas,
  type StatusTaskFamily,
  type TaskFamily,
  type TaskStatus,
  type TaskStatusAnswer,
  type TaskStatusResult,
} from "./families.js";
export type {
  ChannelId,
  ChannelMessages,
  ChannelQuery,
  ClientMessage,
  ClientMessageOf,
  ServerMessage,
  ServerMessageOf,
} from "./generated/channels.js";
export { type OperationId, operations } from "./generated/operations.js";
export type { components, operations as operationTypes, paths } from "./generated/schema.js";
export type { StreamedFile } from "./multipart/form-entries.js";
export type { RetryOptions } from "./retry-policy.js";
export {
  type BulkResultFamily,
  getLanguageResult,
  getResultJson,
  getTranscript,
  type LanguageResultAnswer,
  type LanguageResultFamily,
  type LanguageResultOptions,
  type ResultAnswer,
  type ResultFamily,
  type ResultOptions,
  type ResultOptionsArg,
  type TranscriptAnswer,
  type TranscriptFamily,
  type TranscriptOptions,
} from "./task-results.js";
export {
  type CallOptions,
  type CreatePathOption,
  type CreateTaskArgs,
  type CreateTaskOptions,
  createdTaskId,
  createTask,
  getBulkResults,
  getResultStream,
  getTaskStatus,
  resultUrlOf,
} from "./tasks.js";
export { type FetchResult, unwrap } from "./unwrap.js";
