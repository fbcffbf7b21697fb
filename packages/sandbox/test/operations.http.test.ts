import { httpHarness } from "./harness.js";
import { operationSuite } from "./suites/operations.js";
import { taskSuite } from "./suites/tasks.js";

const harness = httpHarness();
taskSuite(harness);
operationSuite(harness);
