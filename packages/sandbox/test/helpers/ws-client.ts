// A bare `ws` client for the channel tests: every frame recorded in order (JSON parsed and checked against
// the spec's server union, binary kept), waits for a message type or the close, all by event, no sleeps.
import { type ChannelId, channelSchemas, channelUrl, type Schema } from "@camb-kit/client/spec";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { WebSocket } from "ws";
import type { RunningSandbox } from "../../src/index.js";

const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false });
addFormats(ajv);
const validators = new Map<Schema, ReturnType<typeof ajv.compile>>();

/** Whether a server message is one of the channel's, as the spec describes them. */
export function schemaProblems(channel: ChannelId, message: unknown): string | undefined {
  const schema = channelSchemas[channel].server;
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate(message) ? undefined : ajv.errorsText(validate.errors);
}

export type Frame =
  | { kind: "json"; message: { type: string; [key: string]: unknown } }
  | { kind: "binary"; data: Uint8Array }
  /** A text frame that is not JSON (the malformed-json fault). */
  | { kind: "text"; text: string };

export interface Closed {
  code: number;
  reason: string;
}

export class TestSocket {
  readonly frames: Frame[] = [];
  readonly closed: Promise<Closed>;
  readonly opened: Promise<void>;
  /** Messages that were not valid for the channel's server union (should stay empty). */
  readonly invalid: string[] = [];
  private waiters: (() => void)[] = [];

  constructor(
    readonly channel: ChannelId,
    readonly socket: WebSocket,
  ) {
    this.opened = new Promise((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
      socket.once("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    this.closed = new Promise((resolve) =>
      socket.once("close", (code, reason) => {
        resolve({ code, reason: reason.toString() });
        this.wake();
      }),
    );
    this.opened.catch(() => this.wake());
    socket.on("message", (data: Buffer, isBinary) => {
      if (isBinary) this.frames.push({ kind: "binary", data: new Uint8Array(data) });
      else {
        let message: { type: string };
        try {
          message = JSON.parse(data.toString());
        } catch {
          this.frames.push({ kind: "text", text: data.toString() });
          return this.wake();
        }
        const problem = schemaProblems(channel, message);
        if (problem) this.invalid.push(`${message.type}: ${problem}`);
        this.frames.push({ kind: "json", message });
      }
      this.wake();
    });
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** The JSON messages so far. */
  get messages(): { type: string; [key: string]: unknown }[] {
    return this.frames.flatMap((frame) => (frame.kind === "json" ? [frame.message] : []));
  }

  /** Resolves once a frame satisfies `test` (or rejects when the socket closes first). */
  async until(test: (frames: Frame[]) => boolean, what = "the expected frames"): Promise<void> {
    let isClosed = false;
    void this.closed.then(() => {
      isClosed = true;
    });
    for (;;) {
      if (test(this.frames)) return;
      if (isClosed)
        throw new Error(`closed before ${what}: ${JSON.stringify(this.messages.map((m) => m.type))}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
      await Promise.resolve();
    }
  }

  /** Resolves with the first message of `type`. */
  async message(type: string): Promise<{ type: string; [key: string]: unknown }> {
    await this.until((frames) => frames.some((f) => f.kind === "json" && f.message.type === type), type);
    return this.messages.find((m) => m.type === type) as { type: string; [key: string]: unknown };
  }

  send(data: object | Uint8Array | string): void {
    this.socket.send(data instanceof Uint8Array || typeof data === "string" ? data : JSON.stringify(data));
  }
}

export interface OpenOptions {
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
}

/** Opens a channel of a started sandbox with a bare `ws` client. */
export function openChannel(
  sandbox: RunningSandbox,
  channel: ChannelId,
  options: OpenOptions = {},
): TestSocket {
  const url = channelUrl(channel, {
    apiBaseUrl: sandbox.url,
    realtimeBaseUrl: sandbox.realtimeUrl,
    query: options.query,
  });
  return new TestSocket(channel, new WebSocket(url, { headers: options.headers }));
}
