// @camb-kit/react: TanStack Query hooks for the CAMB API, typed by the spec; the page never holds the key.
export {
  type CambQueryClient,
  type CambQueryError,
  type CambQueryKey,
  createCambQueryClient,
} from "./camb-query-client.js";
export { MicrophoneBacklogError } from "./live/live-errors.js";
export type { LiveSpeechPlaybackMode } from "./live/live-speech-player.js";
export type { LiveTranscriptSegment } from "./live/transcript.js";
export type { TranslationTurn } from "./live/translation-turns.js";
export {
  type LiveSpeechOptions,
  type LiveSpeechSegment,
  type LiveSpeechState,
  type LiveSpeechStatus,
  useLiveSpeech,
} from "./live/use-live-speech.js";
export {
  type LiveTranscriptionOptions,
  type LiveTranscriptionState,
  type LiveTranscriptionStatus,
  useLiveTranscription,
} from "./live/use-live-transcription.js";
export {
  type RealtimeTranslationOptions,
  type RealtimeTranslationState,
  type RealtimeTranslationStatus,
  useRealtimeTranslation,
} from "./live/use-realtime-translation.js";
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
export { type ResultAudioData, resultAudioQueryOptions } from "./query-options/result-audio.js";
export {
  languageResultQueryOptions,
  resultQueryOptions,
  transcriptQueryOptions,
} from "./query-options/results.js";
export {
  type TaskError,
  type TaskStatusSchedule,
  taskStatusQueryOptions,
} from "./query-options/task-status.js";
export {
  type SpeechStatus,
  type SpeechStreamOptions,
  type SpeechStreamState,
  useSpeechStream,
} from "./speech/use-speech-stream.js";
export { createUploadFetch, type UploadFetchOptions } from "./upload/upload-fetch.js";
export type { UploadProgress } from "./upload/upload-tags.js";
export {
  type CreateAndWaitData,
  type CreateAndWaitExtras,
  type CreateAndWaitFamily,
  type CreateAndWaitOptions,
  type CreateAndWaitProgress,
  type CreateAndWaitVariables,
  type UseCreateAndWaitResult,
  useCreateAndWait,
} from "./use-create-and-wait.js";
export { useObjectUrl } from "./use-object-url.js";
export {
  type ResultAudioExtras,
  type ResultAudioOptions,
  type UseResultAudioResult,
  useResultAudio,
} from "./use-result-audio.js";
export {
  type TaskStatusExtras,
  type TaskStatusOptions,
  type UseTaskStatusResult,
  useTaskStatus,
} from "./use-task-status.js";
