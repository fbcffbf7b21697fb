// The errors the live hooks raise themselves (the sessions' own come from @camb-kit/realtime).
import { CambError } from "@camb-kit/client";

/**
 * Captured audio could not be sent as fast as it was recorded: more than `maxQueuedSeconds` of it waited
 * for the connection. The session is ended rather than holding ever more audio (or dropping some, which
 * would leave holes in the transcript).
 */
export class MicrophoneBacklogError extends CambError {
  override readonly name: string = "MicrophoneBacklogError";
  declare readonly maxQueuedSeconds: number;

  constructor(maxQueuedSeconds: number) {
    super(
      `More than ${maxQueuedSeconds} s of captured audio waited to be sent: the connection is slower than real time`,
    );
    this.init({ maxQueuedSeconds });
  }
}
