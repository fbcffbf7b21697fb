// Runs the shared task, operation and resource suites against startSandbox over real HTTP.
import { httpHarness } from "./helpers/harness.js";
import { operationSuite } from "./suites/operations.js";
import { resourceSuite } from "./suites/resources.js";
import { taskSuite } from "./suites/tasks.js";

const harness = httpHarness();
taskSuite(harness);
operationSuite(harness);
resourceSuite(harness);
