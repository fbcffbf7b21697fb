// redactStream replaces every occurrence of the key, whatever the chunk boundaries.
import { describe, expect, it } from "vitest";
import { redactStream } from "../src/proxy/redact-stream.js";

async function run(secret: string, parts: string[]): Promise<string> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
      controller.close();
    },
  });
  return new Response(source.pipeThrough(redactStream(secret))).text();
}

describe("redactStream", () => {
  const secret = "SECRET-KEY";
  const text = `a ${secret} b ${secret}${secret} c SECRET-KE`;
  const expected = "a [redacted] b [redacted][redacted] c SECRET-KE";

  it("redacts in one chunk", async () => {
    expect(await run(secret, [text])).toBe(expected);
  });

  it("redacts at every split point and byte by byte", async () => {
    for (let cut = 0; cut <= text.length; cut++) {
      expect(await run(secret, [text.slice(0, cut), text.slice(cut)])).toBe(expected);
    }
    expect(await run(secret, [...text])).toBe(expected);
  });
});
