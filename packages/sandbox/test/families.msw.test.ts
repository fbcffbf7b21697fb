// Runs the shared family suite (dubbing to subtitles) against the sandbox's handlers in-process, through msw.
import { mswHarness } from "./helpers/harness.js";
import { familySuite } from "./suites/families.js";

familySuite(mswHarness());
