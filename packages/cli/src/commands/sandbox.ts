// `camb sandbox`: serves the sandbox over HTTP until Ctrl-C, printing its URL on stdout.
import { startSandbox } from "@camb-kit/sandbox";
import { InputError } from "../exit-codes.js";

/** `camb sandbox`: serves the sandbox until Ctrl-C, printing its URL on stdout. */
export async function sandbox(options: { port: string; host: string }, signal: AbortSignal): Promise<void> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InputError(`--port must be 0-65535, got "${options.port}"`);
  const running = await startSandbox({ port, host: options.host });
  process.stdout.write(`${running.url}\n`);
  process.stderr.write("sandbox running: any non-empty x-api-key is accepted. Ctrl-C stops it.\n");
  await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
  await running.close();
}
