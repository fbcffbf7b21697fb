// Runs the shared upload suite against the sandbox's handlers in-process, through msw.
import { mswHarness } from "./helpers/harness.js";
import { uploadSuite } from "./helpers/upload-suite.js";

uploadSuite(mswHarness());
