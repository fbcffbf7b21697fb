// Runs the shared task, operation and resource suites against the sandbox's handlers in-process, through msw.
import { mswHarness } from "./helpers/harness.js";
import { operationSuite } from "./suites/operations.js";
import { resourceSuite } from "./suites/resources.js";
import { taskSuite } from "./suites/tasks.js";

const harness = mswHarness();
taskSuite(harness);
operationSuite(harness);
resourceSuite(harness);
