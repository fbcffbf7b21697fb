// Runs the shared family suite (dubbing to subtitles) against startSandbox over real HTTP.
import { httpHarness } from "./helpers/harness.js";
import { familySuite } from "./suites/families.js";

familySuite(httpHarness());
