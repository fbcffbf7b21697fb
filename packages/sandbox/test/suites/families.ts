// Shared test body: the task families beyond speech (dubbing, transcription, translation, separation,
// stories, projects, subtitles), each from create to the files its results point at, read by real tools.
import type { Harness } from "../helpers/harness.js";
import { dubbingSuite } from "./dubbing.js";
import { projectSuite } from "./projects.js";
import { separationSuite } from "./separation.js";
import { storySuite } from "./stories.js";
import { subtitleSuite } from "./subtitles.js";
import { transcriptionSuite } from "./transcription.js";
import { translationSuite } from "./translation.js";

/** Every family end to end (create -> status -> result, bulk, exports), every JSON 200 against its schema. */
export function familySuite(harness: Harness): void {
  dubbingSuite(harness);
  transcriptionSuite(harness);
  translationSuite(harness);
  separationSuite(harness);
  storySuite(harness);
  projectSuite(harness);
  subtitleSuite(harness);
}
