// `camb sandbox`: serves the sandbox over HTTP until Ctrl-C, printing its URL on stdout; it takes the same flags
// as `camb-sandbox` (one table in @camb-kit/sandbox/internal) and keeps its state while it runs.
import { startSandbox } from "@camb-kit/sandbox";
import {
  CONTROL_PREFIX,
  type SandboxFlagValues,
  sandboxFlags,
  sandboxOptionsFromFlags,
} from "@camb-kit/sandbox/internal";
import { Command, Option } from "commander";

/** Serves the sandbox until `signal` aborts, printing its URL on stdout. */
export async function sandbox(values: SandboxFlagValues, signal: AbortSignal): Promise<void> {
  // A value that does not read is a RangeError or TypeError naming the flag: exit 2, before anything listens.
  const options = sandboxOptionsFromFlags(values);
  const running = await startSandbox(options);
  // The API base on the first line (what scripts read), the realtime sessions' base on the second.
  process.stdout.write(`${running.url}\n${running.realtimeUrl}\n`);
  const keys = options.apiKeys
    ? `only the ${options.apiKeys.length} --api-key value(s)`
    : "any non-empty x-api-key";
  process.stderr.write(
    `sandbox running: ${keys} accepted; GET ${CONTROL_PREFIX}/requests lists what it was sent. Ctrl-C stops it.\n`,
  );
  await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
  await running.close();
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The `sandbox` command: every flag of the sandbox's table, as `camb-sandbox` takes them. */
export function sandboxCommand(signal: AbortSignal): Command {
  const command = new Command("sandbox").description(
    "serve the local sandbox API until Ctrl-C and print its URL (the same flags as camb-sandbox)",
  );
  for (const entry of sandboxFlags) {
    const option = new Option(`--${entry.flag} <${entry.value}>`, entry.description);
    command.addOption(entry.repeatable ? option.argParser(collect) : option);
  }
  return command.action((values: SandboxFlagValues) => sandbox(values, signal));
}
