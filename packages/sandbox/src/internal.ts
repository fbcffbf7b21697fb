// @camb-kit/sandbox/internal: the command-line flags `camb-sandbox` and `camb sandbox` share, and the private
// channel from createSandbox to startSandbox. Not public API and outside semver.
export {
  type SandboxFlag,
  type SandboxFlagValues,
  sandboxFlags,
  sandboxOptionsFromFlags,
} from "./cli/parse-options.js";
export { CONTROL_PREFIX } from "./server/control-routes.js";
/**
 * The private channel between createSandbox and startSandbox. Over real HTTP, body faults happen at the
 * socket (a declared Content-Length that is never reached, a stalled write), which a Response cannot
 * express; so in "socket mode" the handlers describe the fault in this header and the server, which strips
 * it, carries it out. In-process (msw), the body stream misbehaves instead and this header never exists.
 */
export const SOCKET_MODE: unique symbol = Symbol.for("@camb-kit/sandbox.socket-mode");
export const FAULT_HEADER = "x-camb-sandbox-socket-fault";

export interface SocketFault {
  kind: "truncate" | "stall";
  afterBytes: number;
  ms: number;
}
