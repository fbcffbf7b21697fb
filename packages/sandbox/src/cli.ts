#!/usr/bin/env node
// The `camb-sandbox` command: parses flags into startSandbox options, prints the URL, stops on a signal.
import { parseArgs } from "node:util";
import { parseFault, parseLatency } from "./cli/parse-fault.js";
import { startSandbox } from "./server/start.js";
import type { StartSandboxOptions, TaskOutcome } from "./types.js";

const HELP = `camb-sandbox: a local CAMB.AI API for tests and demos

Usage: camb-sandbox [options]

  --port <n>            port to listen on (default 0: a free one)
  --host <host>         interface (default 127.0.0.1)
  --latency <ms|a-b>    latency added to every answer, fixed or random in [a, b]
  --fault <spec>        inject a fault (repeatable): kind[=value][:route][@n,…][%p]
                        e.g. status=503:getSpeechResult@1  reset:storage  stall=1024/30000
  --pending-polls <n>   polls answering PENDING before the outcome (default 1)
  --pending-ms <ms>     or: time before the outcome
  --outcome <o>         SUCCESS | ERROR | TIMEOUT | PAYMENT_REQUIRED (default SUCCESS)
  --api-key <key>       accept only these keys (repeatable; default: any non-empty key)
  --seed <n>            seed for probabilities and ids
  --url-ttl <ms>        lifetime of pre-signed URLs (default 900000)
  -h, --help

Prints the base URL on stdout; stops on SIGINT or SIGTERM.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      latency: { type: "string" },
      fault: { type: "string", multiple: true },
      "pending-polls": { type: "string" },
      "pending-ms": { type: "string" },
      outcome: { type: "string" },
      "api-key": { type: "string", multiple: true },
      seed: { type: "string" },
      "url-ttl": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const num = (raw: string | undefined) => (raw === undefined ? undefined : Number(raw));
  const options: StartSandboxOptions = {
    port: num(values.port) ?? 0,
    host: values.host ?? "127.0.0.1",
    faults: (values.fault ?? []).map(parseFault),
  };
  if (values.latency) options.latencyMs = parseLatency(values.latency);
  if (values["pending-polls"]) options.pendingPolls = num(values["pending-polls"]);
  if (values["pending-ms"]) options.pendingMs = num(values["pending-ms"]);
  if (values.outcome) options.outcome = values.outcome as TaskOutcome;
  if (values["api-key"]) options.apiKeys = values["api-key"];
  if (values.seed) options.seed = num(values.seed);
  if (values["url-ttl"]) options.urlTtlMs = num(values["url-ttl"]);

  const sandbox = await startSandbox(options);
  process.stdout.write(`${sandbox.url}\n`);
  const stop = () => {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    void sandbox.close().then(() => process.stderr.write("camb-sandbox stopped\n"));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`camb-sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
