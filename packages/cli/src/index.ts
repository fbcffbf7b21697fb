// @camb-kit/cli: the program, its exit codes and the audio inspector, for use from code.
export { ExitCode, exitCodeFor } from "./exit-codes.js";
export { type AudioInfo, describeAudio, inspectAudio, UndecodableAudioError } from "./inspect-audio.js";
export { runCli } from "./program.js";
