// @camb-kit/node: save CAMB audio safely, download results in bulk, and relay the API to browsers.
export type { AudioSource } from "./audio-source.js";
export type { Progress } from "./byte-meter.js";
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
export { type AllowEntry, DEFAULT_PROXY_ALLOW } from "./proxy/allow-list.js";
export { type CambProxyHandler, type CambProxyOptions, createCambProxy } from "./proxy/create-proxy.js";
export { toNodeHandler } from "./proxy/node-adapter.js";
export { type SaveAudioOptions, type SaveAudioResult, saveAudio } from "./save-audio.js";
export { type SavedResult, type SaveResultOptions, saveResult } from "./save-result.js";
export type { SavedAssets } from "./save-result-assets.js";
export { type SaveSpeechOptions, type SaveSpeechResult, saveSpeech } from "./save-speech.js";
