// Live TTS: `session.start`, then text chunks spoken segment by segment (segment.start, binary audio,
// segment.done) in the asked format, then `session.done` after `text.done`.
import { channels, type ServerMessageOf } from "@camb-kit/client/spec";
import { MP3_SAMPLE_RATES } from "../audio/mp3.js";
import { canRender } from "../audio/render.js";
import { LANGUAGES } from "../data/languages.js";
import type { Json, JsonObject } from "../openapi/json.js";
import { defaultsOf, messageSchema, readClientMessage } from "./channel-messages.js";
import type { ChannelConnection, ChannelSession, RealtimeContext } from "./connection.js";
import { frames, segmentFile } from "./segment-audio.js";
import { keyOf, keyProblem, markerIn } from "./session-gate.js";
import { type Failure, SessionIO } from "./session-io.js";
import { renderSandboxSpeech } from "./speech-render.js";
import { TextSegmenter } from "./text-segmenter.js";
import { timedWords } from "./utterance-tracker.js";

const CHANNEL = "liveSpeech";
const spec = channels[CHANNEL];
/** The rate when `sample_rate` is absent or null: mars-flash's, as the sandbox's `/tts-stream` uses. */
const DEFAULT_SAMPLE_RATE = 24_000;
const MIN_RATE = 8_000;
const MAX_RATE = 192_000;
const KNOWN_LOCALES = new Set(LANGUAGES.map((language) => language.short_name));

type SessionError = ServerMessageOf<typeof CHANNEL, "session.error">;

interface Settings {
  config: JsonObject;
  format: string;
  sampleRate: number;
  idleMs: number;
  wordTimestamps: boolean;
}

/** The start message's settings with the spec's defaults, or why the sandbox refuses them (4400). */
function settingsOf(start: JsonObject, voiceExists: (id: number) => boolean): Settings | string {
  const schema = messageSchema(CHANNEL, "client", spec.start);
  const { type: _type, ...given } = start;
  const config: { [key: string]: Json } = { ...defaultsOf(schema ?? {}), ...given };
  const format = String(config[spec.audioOut.formatField]);
  const rate = typeof config.sample_rate === "number" ? config.sample_rate : DEFAULT_SAMPLE_RATE;
  config.sample_rate = rate;
  if (!voiceExists(Number(config.voice_id))) return `voice_id: No voice ${config.voice_id} for this key`;
  if (!KNOWN_LOCALES.has(String(config.language)))
    return `language: The sandbox does not speak ${config.language}`;
  // As the REST sandbox answers /tts-stream: no well-kept pure-JS AAC encoder exists, and fake AAC would mislead.
  if (!canRender(format))
    return `output_format: The camb-kit sandbox cannot encode '${format}'; use mp3, wav or flac`;
  if (rate < MIN_RATE || rate > MAX_RATE)
    return `sample_rate: The sandbox speaks at ${MIN_RATE}-${MAX_RATE} Hz`;
  if (format === "mp3" && !MP3_SAMPLE_RATES.includes(rate))
    return `sample_rate: MP3 supports ${MP3_SAMPLE_RATES.join(", ")} Hz`;
  return {
    config,
    format,
    sampleRate: rate,
    idleMs: Number(config.idle_timeout) * 1000,
    wordTimestamps: config.word_timestamps === true,
  };
}

/** One live TTS session over a connection. */
export class LiveSpeechSession implements ChannelSession {
  private readonly io: SessionIO;
  private settings: Settings | undefined;
  private readonly segmenter = new TextSegmenter();
  private run: ({ text: string } & JsonObject) | undefined;
  private nextSegment = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private done = false;

  constructor(
    connection: ChannelConnection,
    private readonly context: RealtimeContext,
  ) {
    const error = (message: string, code: string): SessionError => ({ type: "session.error", message, code });
    this.io = new SessionIO(CHANNEL, connection, error);
    const problem = keyProblem(CHANNEL, context.options, keyOf(CHANNEL, connection));
    if (problem) void this.fail("unauthorized", problem);
  }

  receive(frame: string | Uint8Array): void {
    if (this.io.closing) return;
    if (typeof frame !== "string")
      return void this.fail("bad-request", "Live TTS takes JSON text frames only");
    const read = readClientMessage(CHANNEL, frame);
    if (!read.ok) return void this.fail("bad-request", read.reason);
    const message = read.value;
    if (!this.settings) {
      if (message.type !== spec.start)
        return void this.fail("bad-request", `The first message must be ${spec.start}`);
      this.start(message);
      return;
    }
    if (message.type === spec.start) return void this.fail("bad-request", `${spec.start} was already sent`);
    if (this.done) return; // text after text.done is not spoken
    if (message.type === spec.end) this.end();
    else this.addText(String(message.text ?? ""));
  }

  ended(): void {
    this.io.ended();
    clearTimeout(this.idleTimer);
  }

  private fail(failure: Failure, message: string): Promise<void> {
    clearTimeout(this.idleTimer);
    return this.io.fail(failure, message);
  }

  private start(message: JsonObject): void {
    const settings = settingsOf(message, this.context.voiceExists);
    if (typeof settings === "string") return void this.fail("bad-request", settings);
    if (this.checkMarker(message)) return;
    this.settings = settings;
    const { voice_id, language } = settings.config;
    this.run = { text: "", voice_id: voice_id ?? null, language: language ?? null };
    const ready: ServerMessageOf<typeof CHANNEL, "session.ready"> = {
      type: "session.ready",
      session_id: this.context.sessionId(),
      run_id: this.context.sessionRun(CHANNEL, this.run),
      config: settings.config,
    };
    void this.io.send(ready);
  }

  /** A marker in the input ends the session as the REST tasks' markers end a task. True when it did. */
  private checkMarker(input: Json): boolean {
    const marker = markerIn(input);
    if (marker === "payment") void this.fail("payment-required", "Not enough credits ([sandbox:payment])");
    if (marker === "error")
      void this.fail("internal", "The sandbox failed this session on purpose ([sandbox:error])");
    return marker !== undefined;
  }

  private addText(text: string): void {
    for (const sentence of this.segmenter.add(text)) this.speak(sentence);
    clearTimeout(this.idleTimer);
    // A fragment with no sentence end yet is spoken after the idle timeout (the global timer: fake timers work).
    if (this.segmenter.pending)
      this.idleTimer = setTimeout(() => {
        for (const sentence of this.segmenter.flush()) this.speak(sentence);
      }, this.settings?.idleMs);
  }

  private end(): void {
    this.done = true;
    clearTimeout(this.idleTimer);
    for (const sentence of this.segmenter.flush()) this.speak(sentence);
    void this.io.send({ type: spec.done });
    void this.io.finish();
  }

  /** Queues one segment: its start, its audio in frames of at most the channel's size, its end. */
  private speak(text: string): void {
    const settings = this.settings;
    if (!settings || this.io.closing) return;
    if (this.checkMarker(text)) return;
    const segmentId = this.nextSegment++;
    if (this.run) this.run.text = this.run.text ? `${this.run.text} ${text}` : text;
    const samples = renderSandboxSpeech(text, { sampleRate: settings.sampleRate });
    const seconds = samples.length / settings.sampleRate;
    const start: ServerMessageOf<typeof CHANNEL, "segment.start"> = {
      type: "segment.start",
      segment_id: segmentId,
      text,
    };
    if (settings.wordTimestamps)
      start.word_timestamps = timedWords(text, 0, seconds, 1).map(({ word, start, end }) => ({
        word,
        start,
        end,
      }));
    void this.io.send(start);
    // Encoding starts now; its frames keep their place in the queue, between segment.start and segment.done.
    const file = segmentFile(samples, settings.sampleRate, settings.format, text);
    void this.io.sendEach(file.then((bytes) => frames(bytes, spec.audioOut.maxFrameBytes)));
    void this.io.send({ type: "segment.done", segment_id: segmentId });
  }
}
