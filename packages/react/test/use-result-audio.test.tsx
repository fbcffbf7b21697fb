// useResultAudio: one cached download, object URLs revoked per component, voice previews, aborts, errors.
import { CambApiError } from "@camb-kit/client";
import { createAndWait } from "@camb-kit/polling";
import { waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useResultAudio } from "../src/index.js";
import { spyOnFetchSignals } from "./helpers/fetch-signals.js";
import { renderCambHook, testClient } from "./helpers/render.js";
import { installSandbox, pathsSeen } from "./helpers/sandbox-server.js";

const quick = { intervalMs: 1, initialDelayMs: 0, jitter: "none" as const };

async function finishedRun(text: string) {
  const { runId } = await createAndWait(testClient(), "tts", { text, voice_id: 147320, language: 1 }, quick);
  return runId;
}

describe("useResultAudio", () => {
  it("downloads the audio once and hands out an object URL of it", async () => {
    const sandbox = installSandbox({ pendingPolls: 0 });
    const runId = await finishedRun("The first sentence to speak.");
    const create = vi.spyOn(URL, "createObjectURL");
    const { result } = renderCambHook(() => useResultAudio({ family: "tts", runId }));
    await waitFor(() => expect(result.current.url).toBeDefined());
    expect(result.current.url).toMatch(/^blob:/);
    expect(result.current.urls).toEqual([result.current.url]);
    expect(result.current.blob?.type).toBe("audio/flac");
    const bytes = new Uint8Array(await result.current.blob!.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe("fLaC");
    expect(create).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledWith(result.current.blob);
    expect(pathsSeen(sandbox).filter((path) => path.startsWith("/tts-result/"))).toEqual([
      `/tts-result/${runId}`,
    ]);
  });

  it("revokes the URL when the run id changes and when the component unmounts", async () => {
    installSandbox({ pendingPolls: 0 });
    const first = await finishedRun("One run.");
    const second = await finishedRun("Another run, a little longer.");
    const revoke = vi.spyOn(URL, "revokeObjectURL");
    const { result, rerender, unmount } = renderCambHook(
      ({ runId }) => useResultAudio({ family: "tts", runId }),
      {
        initialProps: { runId: first },
      },
    );
    await waitFor(() => expect(result.current.url).toBeDefined());
    const firstUrl = result.current.url!;
    expect(revoke).not.toHaveBeenCalled();

    rerender({ runId: second });
    // The old URL is gone at once, never handed out again, and revoked.
    expect(result.current.url).not.toBe(firstUrl);
    expect(revoke).toHaveBeenCalledWith(firstUrl);
    await waitFor(() => expect(result.current.url).toBeDefined());
    const secondUrl = result.current.url!;
    expect(secondUrl).not.toBe(firstUrl);

    unmount();
    expect(revoke).toHaveBeenCalledWith(secondUrl);
    expect(revoke).toHaveBeenCalledTimes(2);
  });

  it("gives each component its own URL over one cached download", async () => {
    const sandbox = installSandbox({ pendingPolls: 0 });
    const runId = await finishedRun("Shared by two players.");
    const revoke = vi.spyOn(URL, "revokeObjectURL");
    const a = renderCambHook(() => useResultAudio({ family: "tts", runId }));
    await waitFor(() => expect(a.result.current.url).toBeDefined());
    const b = renderCambHook(() => useResultAudio({ family: "tts", runId }), { queryClient: a.queryClient });
    await waitFor(() => expect(b.result.current.url).toBeDefined());
    expect(b.result.current.url).not.toBe(a.result.current.url);
    expect(pathsSeen(sandbox).filter((path) => path.startsWith("/tts-result/"))).toHaveLength(1);
    b.unmount();
    expect(revoke).toHaveBeenCalledWith(b.result.current.url);
    expect(revoke).not.toHaveBeenCalledWith(a.result.current.url);
  });

  it("returns the preview URLs of a text-to-voice run, without object URLs", async () => {
    installSandbox({ pendingPolls: 0 });
    const { runId } = await createAndWait(
      testClient(),
      "text-to-voice",
      {
        text: "Hello there.",
        voice_description:
          "A warm, calm narrator with a low voice and a slight smile, speaking slowly and clearly to a young audience at bedtime.",
      },
      quick,
    );
    const create = vi.spyOn(URL, "createObjectURL");
    const { result } = renderCambHook(() => useResultAudio({ family: "text-to-voice", runId }));
    await waitFor(() => expect(result.current.urls.length).toBeGreaterThan(0));
    expect(result.current.url).toBe(result.current.urls[0]);
    for (const url of result.current.urls) expect(url).toMatch(/^https?:\/\//);
    expect(result.current.blob).toBeUndefined();
    expect(create).not.toHaveBeenCalled();
  });

  it("unmounting mid-download aborts the request and creates no URL", async () => {
    const sandbox = installSandbox({
      pendingPolls: 0,
      faults: [{ route: "getSpeechResult", kind: "stall", afterBytes: 64, ms: 3_600_000 }],
    });
    const runId = await finishedRun("A download that stalls.");
    const requests = spyOnFetchSignals();
    const create = vi.spyOn(URL, "createObjectURL");
    const { result, unmount } = renderCambHook(() => useResultAudio({ family: "tts", runId }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(result.current.isLoading).toBe(true);
    const seen = sandbox.requests.length;
    unmount();
    // TanStack Query aborts a query whose last observer left, when its queryFn took the signal.
    await waitFor(() => expect(requests[0]!.aborted).toBe(true));
    expect(create).not.toHaveBeenCalled();
    expect(sandbox.requests.length).toBe(seen);
  });

  it("sends nothing without a run id", async () => {
    const sandbox = installSandbox();
    const { result } = renderCambHook(() => useResultAudio({ family: "tts", runId: undefined }));
    expect(result.current).toMatchObject({ url: undefined, urls: [], isLoading: false, error: null });
    expect(result.current.fetchStatus).toBe("idle");
    expect(sandbox.requests).toHaveLength(0);
  });

  it("reports an unknown run as CambApiError", async () => {
    installSandbox();
    const { result } = renderCambHook(() => useResultAudio({ family: "text-to-sound", runId: 987654 }));
    await waitFor(() => expect(result.current.error).not.toBeNull());
    expect(result.current.error).toBeInstanceOf(CambApiError);
    expect((result.current.error as CambApiError).status).toBeGreaterThanOrEqual(400);
    expect(result.current.url).toBeUndefined();
  });
});
