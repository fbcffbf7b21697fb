// A restartable one-shot timer: a session's deadlines and its keep-alive, each stopped on every way it ends.
import { clampDelay } from "@camb-kit/client/internal";

export class Timer {
  private handle: ReturnType<typeof setTimeout> | undefined;

  /** Runs `fire` after `ms` (replacing a pending run); `Infinity` means never. */
  start(ms: number, fire: () => void): void {
    this.stop();
    if (ms === Number.POSITIVE_INFINITY) return;
    this.handle = setTimeout(() => {
      this.handle = undefined;
      fire();
    }, clampDelay(ms));
  }

  stop(): void {
    if (this.handle === undefined) return;
    clearTimeout(this.handle);
    this.handle = undefined;
  }
}
