import { mswHarness } from "./harness.js";
import { operationSuite } from "./suites/operations.js";
import { taskSuite } from "./suites/tasks.js";

const harness = mswHarness();
taskSuite(harness);
operationSuite(harness);
