#!/usr/bin/env node
// The `camb` executable: runs the program on the process's arguments and exits with its code.
import { runCli } from "./program.js";

process.exitCode = await runCli(process.argv);
