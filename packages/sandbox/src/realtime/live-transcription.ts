// Live transcription: `Ready`, then `Results` (interim and final) aligned to the audio received, a `Final`
// after `CloseStream`, and a normal close.
import { channels, type ServerMessageOf } from "@camb-kit/client/spec";
import type { Json } from "../openapi/json.js";
import { readClientMessage, readQuery } from "./channel-messages.js";
import type { ChannelConnection, ChannelSession, RealtimeContext } from "./connection.js";
import { PcmInput } from "./pcm-input.js";
import { keyOf, keyProblem, markerIn } from "./session-gate.js";
import { type Failure, SessionIO } from "./session-io.js";
import { type Heard, UtteranceTracker } from "./utterance-tracker.js";

const CHANNEL = "liveTranscription";
const spec = channels[CHANNEL];
const audioIn = spec.audioIn;
const MAX_SAMPLE_RATE = 192_000;
const MAX_CHANNELS = 32;

type Results = ServerMessageOf<typeof CHANNEL, "Results">;
type Metadata = NonNullable<Results["metadata"]>;

/** One live transcription session over a connection. */
export class LiveTranscriptionSession implements ChannelSession {
  private readonly io: SessionIO;
  private input: PcmInput | undefined;
  private tracker: UtteranceTracker | undefined;
  private metadata: Metadata | undefined;

  constructor(connection: ChannelConnection, context: RealtimeContext) {
    this.io = new SessionIO(CHANNEL, connection, (message, code) => ({ type: spec.error, code, message }));
    const problem = keyProblem(CHANNEL, context.options, keyOf(CHANNEL, connection));
    if (problem) {
      void this.fail("unauthorized", problem);
      return;
    }
    const query = readQuery(CHANNEL, connection.url.searchParams);
    if (!query.ok) {
      void this.fail("bad-request", query.reason);
      return;
    }
    if (this.checkMarker(query.value)) return;
    // The audio's layout: the spec's defaults, overridden by the query parameters it names.
    const layout = (name: keyof typeof audioIn.fromQuery, fallback: Json) =>
      query.value[audioIn.fromQuery[name]] ?? fallback;
    const sampleRate = Number(layout("sampleRate", audioIn.sampleRate));
    const count = Number(layout("channels", audioIn.channels));
    // The spec bounds neither; the sandbox keeps a bit of state per sample of a window, so it sets a ceiling.
    if (sampleRate > MAX_SAMPLE_RATE || count > MAX_CHANNELS) {
      void this.fail(
        "bad-request",
        `The sandbox takes up to ${MAX_SAMPLE_RATE} Hz and ${MAX_CHANNELS} channels`,
      );
      return;
    }
    this.input = new PcmInput(String(layout("encoding", audioIn.encoding)), count);
    this.tracker = new UtteranceTracker(sampleRate);
    this.metadata = {
      request_id: context.sessionId(),
      model_info: { name: String(query.value.model), version: "sandbox" },
    };
    void this.io.send({ type: spec.ready });
  }

  receive(frame: string | Uint8Array): void {
    if (this.io.closing || !this.input || !this.tracker) return;
    if (typeof frame !== "string") {
      this.answer(this.tracker.push(this.input.push(frame)));
      return;
    }
    const read = readClientMessage(CHANNEL, frame);
    if (!read.ok) return void this.fail("bad-request", read.reason);
    if (read.value.type === spec.end) this.close(this.tracker);
    // KeepAlive only keeps the session open; there is nothing to answer.
  }

  ended(): void {
    this.io.ended();
  }

  private fail(failure: Failure, message: string): Promise<void> {
    return this.io.fail(failure, message);
  }

  private checkMarker(input: Json): boolean {
    const marker = markerIn(input);
    if (marker === "payment") void this.fail("payment-required", "Not enough credits ([sandbox:payment])");
    if (marker === "error")
      void this.fail("internal", "The sandbox failed this session on purpose ([sandbox:error])");
    return marker !== undefined;
  }

  private body(heard: Heard) {
    const { utterance, words } = heard;
    const last = words.at(-1);
    return {
      start: utterance.start,
      // An interim result lasts to its last word; a final one the whole utterance.
      duration: heard.final ? utterance.seconds : last ? Math.max(0, last.end - utterance.start) : 0,
      channel: {
        alternatives: [
          { transcript: words.map((w) => w.word).join(" "), confidence: utterance.confidence, words },
        ],
      },
      ...(this.metadata ? { metadata: this.metadata } : {}),
    };
  }

  private answer(heard: readonly Heard[]): void {
    for (const entry of heard) {
      const results: Results = { type: "Results", is_final: entry.final, ...this.body(entry) };
      void this.io.send(results);
    }
  }

  /** `CloseStream`: every pending result final, the last of them as `Final`, then a normal close. */
  private close(tracker: UtteranceTracker): void {
    const rest = tracker.finish();
    const last = rest.pop();
    this.answer(rest);
    const final: ServerMessageOf<typeof CHANNEL, typeof spec.done> = last
      ? { type: spec.done, is_final: true, ...this.body(last) }
      : {
          type: spec.done,
          is_final: true,
          ...this.body({
            final: true,
            utterance: { start: tracker.seconds, seconds: 0, words: [], confidence: 1 },
            words: [],
          }),
        };
    void this.io.send(final);
    void this.io.finish();
  }
}
