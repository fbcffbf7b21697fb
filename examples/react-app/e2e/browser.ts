// Launches Debian's headless Chromium with the flags CI needs (no sandbox, no GPU, autoplay allowed).
import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium (scripts/install-system-deps.sh installs it in CI). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Headless Chromium as CI can run it: as root (no sandbox), without /dev/shm or a GPU (toolchain.md §4),
 * and allowed to play audio that a script starts, since the tests call `audio.play()` themselves.
 */
export function launchChromium(): Promise<Browser> {
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
    ],
  });
}
