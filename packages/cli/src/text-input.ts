// The text a live command speaks: its arguments, or stdin read chunk by chunk as it arrives (a pipe from a
// program that writes as it goes, e.g. an LLM's tokens), never read whole first.
import type { Readable } from "node:stream";
import { InputError } from "./exit-codes.js";

/**
 * The words as chunks of text: the arguments joined by spaces as one chunk, or else what stdin delivers,
 * decoded as UTF-8 as each chunk arrives (a character split across two reads is held until it is whole).
 * A terminal on stdin with no arguments is a usage mistake, not a wait for typing. `signal` stops reading.
 */
export function textChunks(
  words: readonly string[],
  signal: AbortSignal,
  stdin: Readable = process.stdin,
): AsyncIterable<string> {
  const text = words.join(" ");
  if (text.trim()) return once(text);
  if ((stdin as { isTTY?: boolean }).isTTY)
    throw new InputError("no text to speak: pass it as arguments or pipe it on stdin");
  // A read of stdin that is still waiting would keep the process alive after the session ended.
  signal.addEventListener("abort", () => stdin.destroy(), { once: true });
  return decodeChunks(stdin);
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

async function* decodeChunks(stdin: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  for await (const chunk of stdin) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
