// Launches Debian's headless Chromium with the flags CI needs (no sandbox, no GPU, autoplay allowed).
import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium (scripts/install-system-deps.sh installs it in CI). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Headless Chromium as CI can run it: as root (no sandbox), without /dev/shm or a GPU (toolchain.md §4),
 * and allowed to play audio that a script starts, since the tests call `audio.play()` themselves.
 * `args` adds flags (a fake microphone's).
 */
export function launchChromium(args: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
      "--autoplay-policy=no-user-gesture-required",
      ...args,
    ],
  });
}

/**
 * Flags for a microphone fed from `wav` (16-bit PCM), played once (`%noloop`: then silence), granted without
 * a prompt.
 */
export function fakeMicrophone(wav: string): string[] {
  return [
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
    `--use-file-for-fake-audio-capture=${wav}%noloop`,
  ];
}
