// Shared test body: the resources outside the task families (dictionaries, folders, live streams), stateful,
// every 200 checked against its operation's schema (see helpers/operation-call.ts).
import type { Harness } from "../helpers/harness.js";
import { dictionarySuite } from "./dictionaries.js";
import { folderSuite } from "./folders.js";
import { liveStreamSuite } from "./live-streams.js";

/** Each resource from create to delete (or 404), its bad input, and its answers against the spec. */
export function resourceSuite(harness: Harness): void {
  dictionarySuite(harness);
  folderSuite(harness);
  liveStreamSuite(harness);
}
