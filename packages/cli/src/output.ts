// How a command prints its result (JSON or lines on stdout), and a decoded description of a written file.
import type { Context } from "./context.js";
import { type AudioInfo, describeAudio, inspectAudio } from "./inspect-audio.js";

/** Prints a command's result: JSON on stdout with `--json`, readable lines otherwise. */
export function printResult(context: Context, value: unknown, lines: string[]): void {
  process.stdout.write(context.json ? `${JSON.stringify(value, null, 2)}\n` : `${lines.join("\n")}\n`);
}

/** Decodes a file the command wrote, so what is printed about it is true (format, duration). */
export async function describeFile(path: string): Promise<{ info: AudioInfo; line: string }> {
  const info = await inspectAudio(path);
  return { info, line: `${path}  ${describeAudio(info)}` };
}
