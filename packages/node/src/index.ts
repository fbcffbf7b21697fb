// @camb-kit/node: save CAMB audio safely, download results in bulk, and relay the API to browsers.
export type { AudioSource } from "./audio-source.js";
export { BatchJournalError, BatchLockedError, BatchValidationError } from "./batch/batch-errors.js";
export type {
  BatchEvent,
  BatchFailure,
  BatchJob,
  BatchPollOptions,
  BatchProblem,
  BatchRetryOptions,
  BatchSummary,
  RunBatchOptions,
} from "./batch/batch-types.js";
export { parseBatchJobs } from "./batch/parse-jobs.js";
export { runBatch } from "./batch/run-batch.js";
export type { Progress } from "./byte-meter.js";
export type { UploadProgress } from "./disk-file.js";
export { type DownloadResult, type DownloadResultsOptions, downloadResults } from "./download-results.js";
export {
  HttpStatusError,
  IdleTimeoutError,
  MissingFolderError,
  MissingResultError,
  TargetExistsError,
  TargetNotAFileError,
  TruncatedStreamError,
  UnexpectedContentTypeError,
} from "./errors.js";
export type { PlainFetch } from "./fetch-to-file.js";
export { type FileFromPathOptions, fileFromPath } from "./file-from-path.js";
export { type AllowEntry, DEFAULT_PROXY_ALLOW } from "./proxy/allow-list.js";
export { type CambProxyHandler, type CambProxyOptions, createCambProxy } from "./proxy/create-proxy.js";
export { type NodeProxyHandler, toNodeHandler } from "./proxy/node-adapter.js";
export type { NodeUpgradeHandler } from "./proxy/ws-relay.js";
export type { ManifestFile, SavedManifest } from "./result-folder.js";
export { type SaveAudioOptions, type SaveAudioResult, saveAudio } from "./save-audio.js";
export {
  type SavedFileKind,
  type SavedResult,
  type SaveResultBaseOptions,
  type SaveResultOptions,
  saveResult,
} from "./save-result.js";
export { type SaveSpeechOptions, type SaveSpeechResult, saveSpeech } from "./save-speech.js";
export {
  type RenderTranscriptOptions,
  renderTranscript,
  type TranscriptFormat,
  type TranscriptSegment,
} from "./transcripts/render-transcript.js";
export { MissingFileError, SourceFileChangedError, SourceNotAFileError } from "./upload-errors.js";
