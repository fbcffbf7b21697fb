// @camb-kit/realtime: CAMB's WebSocket sessions (live TTS, live transcription, realtime speech translation),
// typed from the spec, with backpressure, typed errors and audio input converted to what each session takes.
export type { AudioInputFormat, PcmEncoding, RawAudioFormat } from "./audio/audio-format.js";
export type { AudioSource } from "./audio/audio-source.js";
export {
  type LiveSpeechAudio,
  type LiveSpeechEvent,
  type LiveSpeechSession,
  type LiveSpeechStart,
  openLiveSpeech,
} from "./channels/live-speech.js";
export {
  type AudioSending,
  type LiveTranscriptionEvent,
  type LiveTranscriptionQuery,
  type LiveTranscriptionSession,
  openLiveTranscription,
} from "./channels/live-transcription.js";
export {
  openRealtimeTranslation,
  type RealtimeTranslationAudio,
  type RealtimeTranslationEvent,
  type RealtimeTranslationSession,
  type RealtimeTranslationSettings,
} from "./channels/realtime-translation.js";
export {
  AudioFormatError,
  type CloseInfo,
  RealtimeBacklogError,
  RealtimeBadRequestError,
  RealtimeConnectionError,
  RealtimePaymentRequiredError,
  RealtimeProtocolError,
  RealtimeServerError,
  RealtimeTimeoutError,
  RealtimeUnauthorizedError,
  type RealtimeWait,
} from "./errors.js";
export type { KeyPlacement } from "./key-placement.js";
export type { PipeAudioOptions, PipeAudioResult } from "./session/audio-input.js";
export type { RealtimeSession } from "./session/realtime-session.js";
export type { SessionOptions } from "./session/session-options.js";
export type { ReadyMessage } from "./session/session-types.js";
export type { RealtimeSocket, RealtimeSocketConstructor } from "./socket/socket-types.js";
