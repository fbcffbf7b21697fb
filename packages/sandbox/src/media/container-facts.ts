// What each container parser reports, and how much of a tag a parser may hold.
import { MAX_CARRIED_TEXT_BYTES } from "../audio/speech-tags.js";

export interface ContainerFacts {
  /** Seconds of audio, when the container says (or the stream shows) it; undefined when it cannot tell. */
  durationSeconds: number | undefined;
  /** The sandbox's spoken text, when the file carries it (see audio/speech-tags.ts). */
  text?: string;
}

/**
 * The largest tag or metadata block a parser reads into memory: the carried text plus room for the other
 * fields beside it. Larger ones (cover art, say) are skipped unread, so a tag can never cost more.
 */
export const MAX_TAG_BYTES = MAX_CARRIED_TEXT_BYTES + 64 * 1024;
