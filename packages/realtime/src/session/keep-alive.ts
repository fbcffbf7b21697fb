// Sends a channel's keep-alive message after a quiet spell: restarted by every send, skipped while the link
// is still busy with earlier frames (it is not idle then), stopped for good once the session finishes.
import { Timer } from "./timer.js";

export class KeepAlive {
  private readonly timer = new Timer();
  private stopped = false;

  /** `message` undefined (a channel without one) or `intervalMs` 0 make this do nothing. */
  constructor(
    private readonly message: string | undefined,
    private readonly intervalMs: number,
    private readonly send: (text: string) => void,
    private readonly idle: () => boolean,
  ) {}

  /** (Re)starts the wait: called when the session becomes ready and after every send. */
  restart(): void {
    const message = this.message;
    if (!message || this.intervalMs === 0 || this.stopped) return;
    this.timer.start(this.intervalMs, () => {
      if (this.idle()) this.send(JSON.stringify({ type: message }));
      this.restart();
    });
  }

  stop(): void {
    this.stopped = true;
    this.timer.stop();
  }
}
