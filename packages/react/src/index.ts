// @camb-kit/react: TanStack Query hooks for the CAMB API, typed by the spec; the page never holds the key.
export {
  type CambQueryClient,
  type CambQueryError,
  type CambQueryKey,
  createCambQueryClient,
} from "./camb-query-client.js";
export {
  MissingRunIdError,
  PaymentRequiredError,
  PollTimeoutError,
  TaskFailedError,
  TaskProcessingError,
  TaskTimedOutError,
  UnknownTaskStatusError,
} from "./polling-errors.js";
export { CambProvider, type CambProviderProps, useCamb, useCambClient } from "./provider.js";
export { cambKeys } from "./query-keys.js";
export {
  type SpeechStatus,
  type SpeechStreamOptions,
  type SpeechStreamState,
  useSpeechStream,
} from "./speech/use-speech-stream.js";
export {
  type CreateAndWaitHookOptions,
  type CreateAndWaitProgress,
  type CreateAndWaitState,
  useCreateAndWait,
} from "./use-create-and-wait.js";
export { useObjectUrl } from "./use-object-url.js";
export { type ResultAudioState, useResultAudio } from "./use-result-audio.js";
export {
  type TaskError,
  type TaskStatusOptions,
  type TaskStatusState,
  useTaskStatus,
} from "./use-task-status.js";
