// Runs the shared upload suite against startSandbox over real HTTP, and what only a socket shows: an early 413.
import { afterEach, describe, expect, test } from "vitest";
import { call, httpHarness, KEY, type Started } from "./helpers/harness.js";
import { postChunks } from "./helpers/multipart.js";
import { uploadSuite, voiceUpload } from "./helpers/upload-suite.js";

const MIB = 1024 ** 2;
const harness = httpHarness();
uploadSuite(harness);

describe("uploads over a socket", () => {
  let sb: Started;
  afterEach(() => sb?.stop());

  test.each([
    ["chunked, growing past the limit", false],
    ["with a declared Content-Length over the limit", true],
  ])("a body %s is answered 413 before it is all sent", async (_, declared) => {
    sb = await harness.start({ uploads: { maxBytes: 8 * MIB } });
    const body = voiceUpload(512 * MIB);
    const headers: Record<string, string> = { "x-api-key": KEY, "content-type": body.contentType };
    if (declared) headers["content-length"] = String(body.length);
    const answer = await postChunks(`${sb.base}/create-custom-voice`, headers, body.chunks());
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ detail: "Request body too large: the limit is 8388608 bytes" });
    // Sent before the answer: the limit, plus what the sockets' buffers took; far from the 512 MiB.
    expect(answer.sentBeforeAnswer).toBeLessThan(64 * MIB);
    expect((await call(sb.base, "/list-voices")).status).toBe(200);
  });
});
