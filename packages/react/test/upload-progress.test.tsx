// Uploading a File from the page with progress: createUploadFetch sends the create call through
// XMLHttpRequest (a stand-in here: happy-dom's fires no upload events), everything else through fetch.
import { createCambClient } from "@camb-kit/client";
import { waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { createUploadFetch, type UploadProgress, useCreateAndWait } from "../src/index.js";
import { FakeXMLHttpRequest } from "./helpers/fake-xhr.js";
import { renderCambHook } from "./helpers/render.js";
import { BASE_URL, installSandbox } from "./helpers/sandbox-server.js";

const quick = { intervalMs: 1, initialDelayMs: 0, jitter: "none" as const };
const MiB = 1024 * 1024;

function uploadClient() {
  const fetch = createUploadFetch({ XMLHttpRequest: FakeXMLHttpRequest as unknown as typeof XMLHttpRequest });
  return createCambClient({ apiKey: "test-key", baseUrl: BASE_URL, retry: false, fetch });
}

/** A File as `<input type="file">` gives one: bytes with a name and a type. */
function pickedFile(bytes: number): File {
  const data = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) data[i] = (i * 7) & 0xff;
  return new File([data], "speech.wav", { type: "audio/wav" });
}

/** A recorded header, whatever its case (happy-dom keeps the case it was set in). */
function headerOf(request: { headers: Record<string, string> }, name: string): string | undefined {
  return Object.entries(request.headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

beforeEach(() => {
  FakeXMLHttpRequest.instances.length = 0;
  FakeXMLHttpRequest.stallAfterBytes = Infinity;
});

describe("uploads with progress", () => {
  it("reports the bytes of a File upload as they are sent, then waits for the task", async () => {
    const sandbox = installSandbox({ pendingPolls: 1 });
    const seen: UploadProgress[] = [];
    const { result } = renderCambHook(
      () =>
        useCreateAndWait({
          family: "transcription",
          ...quick,
          onUploadProgress: (progress) => seen.push(progress),
        }),
      { client: uploadClient() },
    );
    const file = pickedFile(MiB);
    const data = await result.current.mutateAsync({ body: { language: "en-us", media_file: file } });
    expect(data.runId).toEqual(expect.any(Number));

    // One XHR, for the upload; every status check went through fetch.
    expect(FakeXMLHttpRequest.instances).toHaveLength(1);
    const [xhr] = FakeXMLHttpRequest.instances;
    const total = seen.at(-1)!.total!;
    expect(total).toBeGreaterThan(file.size); // the multipart framing around the file
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.map((p) => p.sent)).toEqual([...xhr!.reported, total]);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.sent).toBeGreaterThanOrEqual(seen[i - 1]!.sent);
    expect(seen.at(-1)).toEqual({ sent: total, total });
    await waitFor(() => expect(result.current.progress?.upload).toEqual({ sent: total, total }));

    // The sandbox got a multipart upload, and never the tag that named the listener.
    const create = sandbox.requests.find((request) => request.method === "POST")!;
    expect(headerOf(create, "content-type")).toMatch(/^multipart\/form-data; boundary=/);
    for (const request of sandbox.requests) {
      expect(Object.keys(request.headers).filter((name) => /^x-camb-kit/i.test(name))).toEqual([]);
    }
  });

  it("sends a create call without a file through fetch, untagged", async () => {
    const sandbox = installSandbox({ pendingPolls: 0 });
    const seen: UploadProgress[] = [];
    const { result } = renderCambHook(
      () => useCreateAndWait({ family: "text-to-sound", ...quick, onUploadProgress: (p) => seen.push(p) }),
      { client: uploadClient() },
    );
    await result.current.mutateAsync({ body: { prompt: "rain on a tin roof" } });
    expect(FakeXMLHttpRequest.instances).toHaveLength(0);
    expect(seen).toEqual([]);
    expect(result.current.progress?.upload).toBeUndefined();
    expect(headerOf(sandbox.requests[0]!, "content-type")).toBe("application/json");
  });

  it("cancel() mid-upload aborts the XMLHttpRequest and sends nothing more", async () => {
    const sandbox = installSandbox({ pendingPolls: 0 });
    const { result } = renderCambHook(() => useCreateAndWait({ family: "transcription", ...quick }), {
      client: uploadClient(),
    });
    FakeXMLHttpRequest.stallAfterBytes = MiB;
    let rejected = false;
    const run = result.current
      .mutateAsync({ body: { language: "en-us", media_file: pickedFile(8 * MiB) } })
      .catch(() => {
        rejected = true;
      });
    await waitFor(() => expect(result.current.progress?.upload?.sent).toBe(MiB));
    result.current.cancel();
    await run;
    expect(rejected).toBe(true);
    const xhr = FakeXMLHttpRequest.instances[0]!;
    expect(xhr.reported.at(-1)).toBe(MiB);
    expect(xhr.status).toBe(0); // no answer: the request never completed
    await waitFor(() => expect(result.current.isIdle).toBe(true));
    expect(sandbox.requests.filter((request) => request.method === "GET")).toEqual([]);
  });
});
