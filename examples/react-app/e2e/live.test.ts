// The live panels in Chromium, through the app's key-holding proxy: speech typed into the page plays as each
// sentence is written, and a fake microphone fed from the sandbox's own speech is transcribed to its text.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { channels } from "@camb-kit/client/spec";
import { type RunningSandbox, sandboxSpeechWav, startSandbox } from "@camb-kit/sandbox";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startApp } from "./app-server.js";
import { fakeMicrophone, launchChromium } from "./browser.js";

const API_KEY = "e2e-live-key-that-must-stay-on-the-server";
/** What the fake microphone says: the sandbox's speech of it, which its transcription gives back. */
const SPOKEN = "Live captions from a fake microphone.";

let sandbox: RunningSandbox;
let app: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;
let dir: string;
const sockets: { url: string; frames: string[] }[] = [];
const seenByBrowser: { url: string; headers: Record<string, string> }[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "camb-live-e2e-"));
  // Chromium's fake capture reads 16-bit PCM WAV; 48 kHz is what a real device would give.
  const wav = join(dir, "microphone.wav");
  // Chromium plays the file from the moment the device opens, while the page is still loading its worklet:
  // on a busy machine that took long enough to cut the start of the speech, so it begins after 3 s of silence.
  await writeFile(wav, sandboxSpeechWav(SPOKEN, { sampleRate: 48_000, leadingSilenceSeconds: 3 }));
  sandbox = await startSandbox({ port: 0, apiKeys: [API_KEY] });
  app = await startApp(API_KEY, sandbox.url, sandbox.realtimeUrl);
  browser = await launchChromium(fakeMicrophone(wav));
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  page = await browser.newPage();
  page.on("request", (request) => seenByBrowser.push({ url: request.url(), headers: request.headers() }));
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  page.on("websocket", (socket) => {
    const seen = { url: socket.url(), frames: [] as string[] };
    sockets.push(seen);
    socket.on("framesent", ({ payload }) => void seen.frames.push(String(payload)));
    socket.on("framereceived", ({ payload }) => void seen.frames.push(String(payload)));
  });
  await page.goto(app.url);
  await page.getByTestId("live-start").waitFor();
});

afterEach(async () => {
  await page.close();
});

/** Waits until the element's `data-*` attribute `name` is `value`. */
function dataIs(testId: string, name: string, value: string, timeout = 30_000) {
  return page.waitForFunction(
    ([id, key, expected]) =>
      document.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.dataset[key!] === expected,
    [testId, name, value] as const,
    { timeout },
  );
}

/** The text of every element with `testId`, with its `data-state`. */
function items(testId: string) {
  return page.getByTestId(testId).evaluateAll((elements) =>
    elements.map((element) => ({
      text: (element.textContent ?? "").trim(),
      state: (element as HTMLElement).dataset.state,
    })),
  );
}

describe("the live panels in Chromium, through the key-holding proxy", () => {
  it("speaks each sentence as it is typed, playing it before the next is written", async () => {
    await page.getByTestId("live-start").click();
    await dataIs("live-status", "status", "ready");
    await page.getByTestId("live-text").pressSequentially("The first sentence is typed here. ");
    await page.waitForFunction(
      () => document.querySelector('[data-testid="live-segment"][data-state="done"]') !== null,
      undefined,
      { timeout: 30_000 },
    );
    // It plays (MediaSource, from the first segment) while the second sentence does not exist yet.
    await page.waitForFunction(
      () => (document.querySelector<HTMLAudioElement>('[data-testid="live-audio"]')?.currentTime ?? 0) > 0.2,
      undefined,
      { timeout: 30_000 },
    );
    expect(await items("live-segment")).toEqual([
      { text: "The first sentence is typed here.", state: "done" },
    ]);
    expect(Number(await page.getByTestId("live-status").getAttribute("data-first-audio-ms"))).toBeGreaterThan(
      0,
    );

    await page.getByTestId("live-text").pressSequentially("And then a second one");
    await page.getByTestId("live-finish").click();
    await dataIs("live-status", "status", "ended", 60_000);
    expect(await items("live-segment")).toEqual([
      { text: "The first sentence is typed here.", state: "done" },
      { text: "And then a second one", state: "done" },
    ]);
    const audio = await page.getByTestId("live-audio").evaluate((element: HTMLAudioElement) => ({
      error: element.error?.message ?? null,
      currentTime: element.currentTime,
    }));
    expect(audio.error).toBeNull();
    expect(audio.currentTime).toBeGreaterThan(1);

    const upstream = sandbox.requests.filter((request) => request.path === channels.liveSpeech.path);
    expect(upstream).toHaveLength(1);
    expect(upstream[0]!.headers[channels.liveSpeech.auth.header]).toBe(API_KEY);
  });

  it("transcribes the microphone (fed from a WAV of the sandbox's speech) to the words it says", async () => {
    await page.getByTestId("listen").click();
    await dataIs("listen-status", "status", "listening");
    await page.getByTestId("live-transcript-segment").first().waitFor({ timeout: 30_000 });
    await page.getByTestId("listen-stop").click();
    await dataIs("listen-status", "status", "done");
    const segments = await page.getByTestId("live-transcript-segment").evaluateAll((elements) =>
      elements.map((element) => ({
        text: (element.textContent ?? "").trim(),
        start: Number((element as HTMLElement).dataset.start),
        duration: Number((element as HTMLElement).dataset.duration),
      })),
    );
    expect(segments.map((segment) => segment.text)).toEqual([SPOKEN]);
    expect(segments[0]!.duration).toBeGreaterThan(1);

    const upstream = sandbox.requests.filter((request) => request.path === channels.liveTranscription.path);
    expect(upstream).toHaveLength(1);
    expect(upstream[0]!.headers[channels.liveTranscription.auth.header]).toBe(API_KEY);
    expect(new URL(upstream[0]!.url).searchParams.has(channels.liveTranscription.auth.query)).toBe(false);
  });

  it("never let the key reach the page: its sockets went to its own origin and never carried the key", async () => {
    const origin = new URL(app.url).origin.replace(/^http/, "ws");
    expect(sockets.map((socket) => new URL(socket.url).pathname).sort()).toEqual(
      [`/api/camb${channels.liveSpeech.path}`, `/api/camb${channels.liveTranscription.path}`].sort(),
    );
    for (const socket of sockets) {
      expect(new URL(socket.url).origin).toBe(origin);
      expect(socket.url).not.toContain(API_KEY);
      expect(socket.frames.length).toBeGreaterThan(0);
      for (const frame of socket.frames) expect(frame).not.toContain(API_KEY);
    }
    for (const request of seenByBrowser) expect(JSON.stringify(request.headers)).not.toContain(API_KEY);
    expect(pageErrors).toEqual([]);
  });
});
