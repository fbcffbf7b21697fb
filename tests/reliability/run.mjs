#!/usr/bin/env node
// `node run.mjs [jobs] [seed]`: one reliability run in this process, its report as JSON on stdout. The
// process must then exit by itself: a timer, socket or listener left behind would keep it alive.
import { runJobs } from "./run-jobs.mjs";

const jobs = Number(process.argv[2] ?? 300);
const seed = Number(process.argv[3] ?? 1);
const report = await runJobs({ jobs, seed, log: (line) => process.stderr.write(`${line}\n`) });
process.stdout.write(`${JSON.stringify(report)}\n`);
