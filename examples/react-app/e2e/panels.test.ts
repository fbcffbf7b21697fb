// The dubbing and transcription panels in Chromium: each dub plays, an uploaded file is transcribed with
// progress and timings, and the key never reaches the page.
import {
  type CambClient,
  createCambClient,
  getResultJson,
  getTaskStatus,
  openResultAudio,
  unwrap,
} from "@camb-kit/client";
import { type RunningSandbox, startSandbox } from "@camb-kit/sandbox";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startApp } from "./app-server.js";
import { launchChromium } from "./browser.js";

const API_KEY = "e2e-panels-key-that-must-stay-on-the-server";
const SPOKEN = "The quick brown fox jumps over the lazy dog near the river bank.";

let sandbox: RunningSandbox;
let app: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;
let direct: CambClient;
const seenByBrowser: { url: string; type: string; headers: Record<string, string> }[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, apiKeys: [API_KEY], pendingPolls: 2 });
  app = await startApp(API_KEY, sandbox.url);
  browser = await launchChromium();
  direct = createCambClient({ apiKey: API_KEY, baseUrl: sandbox.url, retry: false });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await sandbox?.close();
});

beforeEach(async () => {
  page = await browser.newPage();
  page.on("request", (request) =>
    seenByBrowser.push({ url: request.url(), type: request.resourceType(), headers: request.headers() }),
  );
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  await page.goto(app.url);
  await page.getByTestId("dub").waitFor();
});

afterEach(async () => {
  await page.close();
});

/** Speech made by the sandbox, outside the page: its run id once finished. */
async function speechRun(text: string): Promise<number> {
  const { task_id } = unwrap(await direct.POST("/tts", { body: { text, voice_id: 147320, language: 1 } }));
  for (let poll = 0; poll < 10; poll++) {
    const status = unwrap(await getTaskStatus(direct, "tts", task_id!));
    if (status.status === "SUCCESS" && typeof status.run_id === "number") return status.run_id;
  }
  throw new Error("the speech task did not finish");
}

/** Plays a media element found by test id and waits until its clock passed `seconds`. */
async function playsPast(testId: string, seconds: number) {
  const element = page.getByTestId(testId);
  await page.waitForFunction(
    (id) => (document.querySelector<HTMLMediaElement>(`[data-testid="${id}"]`)?.readyState ?? 0) >= 1,
    testId,
  );
  await element.evaluate((media: HTMLMediaElement) => media.play());
  await page.waitForFunction(
    ([id, s]) => {
      const media = document.querySelector<HTMLMediaElement>(`[data-testid="${id}"]`);
      return media !== null && media.currentTime > (s as number);
    },
    [testId, seconds] as const,
    { timeout: 20_000 },
  );
  return element.evaluate((media: HTMLMediaElement) => ({
    duration: media.duration,
    error: media.error?.message ?? null,
    width: media instanceof HTMLVideoElement ? media.videoWidth : undefined,
  }));
}

describe("the dubbing and transcription panels in Chromium, through the key-holding proxy", () => {
  it("dubs a video into two languages and plays each language's video and audio", async () => {
    // A video URL the sandbox can read: its own speech, so each dub says the translated words.
    const source = unwrap(await getResultJson(direct, "tts", await speechRun(SPOKEN))) as {
      output_url: string;
    };
    await page.getByTestId("dub-url").fill(source.output_url);
    await page.getByTestId("dub-targets").selectOption(["es-es", "fr-fr"]);
    await page.getByTestId("dub").click();
    await page.getByTestId("dub-result").nth(1).waitFor({ timeout: 30_000 });
    const languages = await page
      .getByTestId("dub-result")
      .evaluateAll((figures) => figures.map((figure) => (figure as HTMLElement).dataset.language));
    expect(languages.sort()).toEqual(["es-es", "fr-fr"]);
    expect(await page.getByTestId("dub-status").textContent()).toMatch(/^Done: run \d+$/);

    for (const language of ["es-es", "fr-fr"]) {
      const video = await playsPast(`dub-video-${language}`, 0.3);
      expect(video.error).toBeNull();
      expect(video.width).toBeGreaterThan(0); // a picture, not just a soundtrack
      expect(video.duration).toBeGreaterThan(0.3);
      const audio = await playsPast(`dub-audio-${language}`, 0.3);
      expect(audio.error).toBeNull();
      expect(audio.duration).toBeCloseTo(video.duration, 0);
    }
    const created = sandbox.requests.filter((request) => request.path === "/dub");
    expect(created).toHaveLength(1);
    expect(created[0]!.headers["x-api-key"]).toBe(API_KEY);
  });

  it("uploads a file from <input type=file> with progress and shows the transcript with its timings", async () => {
    const speech = await openResultAudio(direct, "tts", await speechRun(SPOKEN));
    const bytes = Buffer.from(await new Response(speech.stream).arrayBuffer());
    await page.getByTestId("transcribe-file").setInputFiles({
      name: "speech.flac",
      mimeType: "audio/flac",
      buffer: bytes,
    });
    await page.getByTestId("transcribe").click();
    await page.getByTestId("transcript-segment").first().waitFor({ timeout: 30_000 });

    // The upload's own progress events: all of the file's bytes (and the form around them) were sent.
    const progress = page.getByTestId("upload-progress");
    const sent = Number(await progress.getAttribute("data-sent"));
    expect(sent).toBe(Number(await progress.getAttribute("data-total")));
    expect(sent).toBeGreaterThan(bytes.length);

    const segments = await page.getByTestId("transcript-segment").evaluateAll((items) =>
      items.map((item) => ({
        start: Number((item as HTMLElement).dataset.start),
        end: Number((item as HTMLElement).dataset.end),
        text: item.textContent ?? "",
      })),
    );
    const words = (text: string) => text.toLowerCase().match(/[a-z]+/g) ?? [];
    const heard = segments.flatMap((segment) => words(segment.text.replace(/^[\d:.–]+\s*\S+:\s*/, "")));
    expect(heard.join(" ")).toContain(words(SPOKEN).join(" "));
    for (const [index, segment] of segments.entries()) {
      expect(segment.end).toBeGreaterThan(segment.start);
      if (index > 0) expect(segment.start).toBeGreaterThanOrEqual(segments[index - 1]!.end);
      expect(segment.text).toMatch(/^\d+:\d\d\.\d\d–\d+:\d\d\.\d\d /);
    }

    // It went up as an XMLHttpRequest (the only upload progress a browser has), through the proxy.
    const upload = seenByBrowser.filter((request) => request.url.endsWith("/api/camb/transcribe"));
    expect(upload.map((request) => request.type)).toEqual(["xhr"]);
    const received = sandbox.requests.filter((request) => request.path === "/transcribe");
    expect(received).toHaveLength(1);
    expect(received[0]!.headers["x-api-key"]).toBe(API_KEY);
  });

  it("never let the key reach the page: API calls from it stayed on its origin, media came pre-signed", async () => {
    const origin = new URL(app.url).origin;
    expect(seenByBrowser.length).toBeGreaterThan(5);
    for (const request of seenByBrowser) {
      expect(JSON.stringify(request.headers)).not.toContain(API_KEY);
      // The only other origin is the storage the results point at (as S3 would be), loaded by <video>/<audio>.
      if (new URL(request.url).origin !== origin) {
        expect(new URL(request.url).pathname).toMatch(/^\/_storage\//);
        expect(request.type).toBe("media");
      }
    }
    expect(pageErrors).toEqual([]);
  });
});
