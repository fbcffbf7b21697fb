// How a command prints its result (JSON or lines on stdout), and a decoded description of a written file.
import { redactSecrets } from "@camb-kit/client/internal";
import type { Context } from "./context.js";
import { type AudioInfo, describeAudio, inspectAudio } from "./inspect-audio.js";

/**
 * Prints a command's result: JSON on stdout with `--json`, readable lines otherwise. What the API sent is
 * printed without any key it may have echoed.
 */
export function printResult(context: Context, value: unknown, lines: string[]): void {
  const text = context.json ? JSON.stringify(value, null, 2) : lines.join("\n") || "(none)";
  process.stdout.write(`${redactSecrets(text)}\n`);
}

/** Decodes a file the command wrote, so what is printed about it is true (format, duration). */
export async function describeFile(path: string): Promise<{ info: AudioInfo; line: string }> {
  const info = await inspectAudio(path);
  return { info, line: `${path}  ${describeAudio(info)}` };
}
