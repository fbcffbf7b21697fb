// One wire-format case: a call typed against the spec, and the request it must put on the wire.
import type { CambClient } from "../../src/index.js";

export interface Case {
  call: (camb: CambClient) => Promise<unknown>;
  method: string;
  /** After the base URL, with path parameters percent-encoded as sent. */
  path: string;
  query?: Record<string, string>;
  json?: unknown;
}
