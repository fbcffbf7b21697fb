// The example app in Chromium: task audio plays through, streams play early, errors show, the key stays out.
import { createCambClient, openResultAudio } from "@camb-kit/client";
import { type RunningSandbox, startSandbox } from "@camb-kit/sandbox";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startApp } from "./app-server.js";
import { launchChromium } from "./browser.js";
import { flacDuration } from "./flac-duration.js";

const API_KEY = "e2e-key-that-must-stay-on-the-server";
/** The stream stalls this long after its first bytes: playback must start well before it resumes. */
const STALL_MS = 3000;

let sandbox: RunningSandbox;
let app: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;
const seenByBrowser: { url: string; headers: Record<string, string> }[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    apiKeys: [API_KEY],
    pendingPolls: 2,
    faults: [{ route: "streamSpeech", kind: "stall", afterBytes: 24_000, ms: STALL_MS }],
  });
  app = await startApp(API_KEY, sandbox.url);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await sandbox?.close();
});

beforeEach(async () => {
  page = await browser.newPage();
  page.on("request", (request) => seenByBrowser.push({ url: request.url(), headers: request.headers() }));
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  await page.goto(app.url);
  await page.getByTestId("generate").waitFor();
});

afterEach(async () => {
  await page.close();
});

/** Reads a property of an `<audio>` found by test id. */
function audioState(testId: string) {
  return page.getByTestId(testId).evaluate((element: HTMLAudioElement) => ({
    currentTime: element.currentTime,
    duration: element.duration,
    paused: element.paused,
    ended: element.ended,
    error: element.error?.message ?? null,
  }));
}

/** Waits until the element's clock passes `seconds` (checked on every animation frame). */
async function playsPast(testId: string, seconds: number, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    ([id, s]) => {
      const audio = document.querySelector<HTMLAudioElement>(`[data-testid="${id}"]`);
      return audio !== null && audio.currentTime > (s as number);
    },
    [testId, seconds] as const,
    { timeout },
  );
}

describe("the React example app in Chromium, against the sandbox through the key-holding proxy", () => {
  it("generates speech as a task, waits for it and plays the result to the end", async () => {
    await page
      .getByTestId("task-text")
      .fill("A generated sentence for the browser test, long enough to last a while.");
    await page.getByTestId("generate").click();
    const audio = page.getByTestId("result-audio");
    await audio.waitFor();
    const runId = Number(await audio.getAttribute("data-run-id"));
    expect(await page.getByTestId("task-status").textContent()).toBe(`Done: run ${runId}`);
    expect(await audio.getAttribute("src")).toMatch(/^blob:/);

    // The length the sandbox's FLAC says, read from the file itself.
    const client = createCambClient({ apiKey: API_KEY, baseUrl: sandbox.url });
    const flac = await openResultAudio(client, "tts", runId);
    const expected = flacDuration(new Uint8Array(await new Response(flac.stream).arrayBuffer()));

    await page.waitForFunction(() => {
      const element = document.querySelector<HTMLAudioElement>('[data-testid="result-audio"]');
      return element !== null && element.readyState >= 1;
    });
    await audio.evaluate((element: HTMLAudioElement) => element.play());
    await playsPast("result-audio", 0.5);
    const first = await audioState("result-audio");
    await playsPast("result-audio", first.currentTime + 0.5);
    const later = await audioState("result-audio");
    expect(later.currentTime).toBeGreaterThan(first.currentTime);
    expect(later.paused).toBe(false);
    expect(later.error).toBeNull();
    expect(later.duration).toBeCloseTo(expected, 1);

    await page.waitForFunction(
      () => document.querySelector<HTMLAudioElement>('[data-testid="result-audio"]')?.ended === true,
      undefined,
      { timeout: (expected + 10) * 1000 },
    );
    const end = await audioState("result-audio");
    expect(end.currentTime).toBeCloseTo(expected, 1);
    console.info(
      `task audio: ${expected.toFixed(3)} s in the FLAC, ${end.duration.toFixed(3)} s in Chromium`,
    );
  });

  it("streams speech with MediaSource, records the time to first audio and plays before the stream ends", async () => {
    await page
      .getByTestId("stream-text")
      .fill(
        "Streaming speech should start playing while the rest of it is still arriving from the server. ".repeat(
          3,
        ),
      );
    await page.getByTestId("speak").click();
    const stats = page.getByTestId("stream-stats");
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('[data-testid="stream-stats"]')?.dataset.status === "playing",
      undefined,
      { timeout: 20_000 },
    );
    expect(await stats.getAttribute("data-mode")).toBe("media-source");
    const firstAudioMs = Number(await stats.getAttribute("data-first-audio-ms"));
    const playbackMs = Number(await stats.getAttribute("data-playback-ms"));
    expect(firstAudioMs).toBeGreaterThan(0);
    expect(playbackMs).toBeGreaterThanOrEqual(firstAudioMs);
    // The sandbox holds the stream for STALL_MS after its first bytes: only progressive playback can start
    // before that pause is over (a Blob fallback would wait for all of it).
    expect(playbackMs - firstAudioMs).toBeLessThan(STALL_MS);
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('[data-testid="stream-stats"]')?.dataset.completeMs !== "",
      undefined,
      { timeout: 20_000 },
    );
    const completeMs = Number(await stats.getAttribute("data-complete-ms"));
    expect(completeMs - firstAudioMs).toBeGreaterThanOrEqual(STALL_MS - 50);
    expect(playbackMs).toBeLessThan(completeMs);

    await playsPast("stream-audio", 0.3);
    const first = await audioState("stream-audio");
    await playsPast("stream-audio", first.currentTime + 0.3);
    const later = await audioState("stream-audio");
    expect(later.currentTime).toBeGreaterThan(first.currentTime);
    expect(later.error).toBeNull();
    console.info(
      `stream: first audio after ${firstAudioMs.toFixed(0)} ms, playing after ${playbackMs.toFixed(0)} ms, ` +
        `whole stream after ${completeMs.toFixed(0)} ms (paused ${STALL_MS} ms after 24 kB)`,
    );

    // Stop releases the element: no source left, status back to idle.
    await page.getByTestId("stop").click();
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('[data-testid="stream-stats"]')?.dataset.status === "idle",
    );
    expect(await page.getByTestId("stream-audio").getAttribute("src")).toBeNull();
  });

  for (const [marker, status] of [
    ["[sandbox:error]", "ERROR"],
    ["[sandbox:payment]", "PAYMENT_REQUIRED"],
  ] as const) {
    it(`shows a task that ends with ${status} as an error`, async () => {
      await page.getByTestId("task-text").fill(`This task is meant to fail ${marker} in the sandbox.`);
      await page.getByTestId("generate").click();
      const error = page.getByTestId("error");
      await error.waitFor();
      expect(await error.getAttribute("data-status")).toBe(status);
      expect(await error.textContent()).toContain(`The task ended with ${status}`);
      expect(await page.getByTestId("result-audio").count()).toBe(0);
    });
  }

  it("never let the key reach the browser, and every API call went through the proxy", async () => {
    const apiCalls = sandbox.requests.filter((request) => !request.path.startsWith("/_storage"));
    expect(apiCalls.length).toBeGreaterThan(5);
    for (const request of apiCalls) expect(request.headers["x-api-key"]).toBe(API_KEY);
    expect(seenByBrowser.length).toBeGreaterThan(5);
    for (const request of seenByBrowser) {
      // blob: URLs (the played audio) carry the page's origin too.
      expect(new URL(request.url).origin).toBe(new URL(app.url).origin);
      expect(JSON.stringify(request.headers)).not.toContain(API_KEY);
    }
    expect(pageErrors).toEqual([]);
  });
});
