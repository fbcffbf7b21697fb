// Runs the shared task and operation suites against startSandbox over real HTTP.
import { httpHarness } from "./helpers/harness.js";
import { operationSuite } from "./suites/operations.js";
import { taskSuite } from "./suites/tasks.js";

const harness = httpHarness();
taskSuite(harness);
operationSuite(harness);
