// @camb-kit/sandbox: a stateful stand-in for the CAMB API, as msw handlers or an HTTP server, and its types.
export { seededRandom } from "./random.js";
export { cambRealtimeHandlers, type RealtimeHandlerOptions } from "./realtime/msw-handlers.js";
export {
  decodeSandboxSpeech,
  SandboxSpeechDecoder,
  type SandboxUtterance,
} from "./realtime/speech-decoder.js";
export {
  renderSandboxSpeech,
  type SandboxSpeechOptions,
  type SandboxSpeechWavOptions,
  sandboxSpeechWav,
} from "./realtime/speech-render.js";
export { cambHandlers, createSandbox } from "./sandbox.js";
export { startSandbox } from "./server/start.js";
export type {
  FaultKind,
  FaultRule,
  RecordedRequest,
  RunningSandbox,
  Sandbox,
  SandboxOptions,
  StartSandboxOptions,
  TaskOutcome,
} from "./types.js";
export type { UploadLimitOptions, UploadLimits } from "./uploads/limits.js";
