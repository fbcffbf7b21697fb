export type { AudioSource } from "./audio-source.js";
export type { Progress } from "./byte-meter.js";
export {
  HttpStatusError,
  IdleTimeoutError,
  MissingResultError,
  TargetExistsError,
  TruncatedStreamError,
  UnexpectedContentTypeError,
} from "./errors.js";
export { type SaveAudioOptions, type SaveAudioResult, saveAudio } from "./save-audio.js";
