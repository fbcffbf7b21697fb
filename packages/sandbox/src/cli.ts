#!/usr/bin/env node
// The `camb-sandbox` command: parses the shared sandbox flags into startSandbox options, prints the URL, stops
// on a signal.
import { type ParseArgsConfig, parseArgs } from "node:util";
import { type SandboxFlagValues, sandboxFlags, sandboxOptionsFromFlags } from "./cli/parse-options.js";
import { CONTROL_PREFIX } from "./server/control-routes.js";
import { startSandbox } from "./server/start.js";

const usage = sandboxFlags.map(
  (entry) => `  --${`${entry.flag} <${entry.value}>`.padEnd(22)}${entry.description}`,
);

const HELP = `camb-sandbox: a local CAMB.AI API for tests and demos

Usage: camb-sandbox [options]

${usage.join("\n")}
  -h, --help

Faults, e.g.: status=503:getSpeechResult@1  status=429/2  reset:storage@1  truncate=1024:streamSpeech
              stall=1024/30000  latency=250%0.5
Prints the base URL on stdout; GET ${CONTROL_PREFIX}/requests answers the request log as JSON. Stops on
SIGINT or SIGTERM.`;

async function main(): Promise<void> {
  const options: ParseArgsConfig["options"] = { help: { type: "boolean", short: "h" } };
  for (const entry of sandboxFlags) options[entry.flag] = { type: "string", multiple: entry.repeatable };
  const { values } = parseArgs({ options });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  // node:util keys values by the flag as spelled; the shared table says where each one goes.
  const flags = Object.fromEntries(
    sandboxFlags.map((entry) => [entry.key, values[entry.flag]]),
  ) as SandboxFlagValues;
  const sandbox = await startSandbox(sandboxOptionsFromFlags(flags));
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
