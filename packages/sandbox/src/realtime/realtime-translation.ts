// Realtime speech-to-speech translation: `session.update` (with the key), `session.starting` and
// `session.created`, then for each utterance heard: its transcript, the translation as text deltas, and the
// translation spoken (binary PCM16 frames) until `response.audio.done`.
import { channels, type ServerMessageOf } from "@camb-kit/client/spec";
import { encodePcm, type PcmLayout } from "../audio/pcm.js";
import { resolveLanguage } from "../language/language-input.js";
import { translateText } from "../language/translate.js";
import { isObject, type Json, type JsonObject } from "../openapi/json.js";
import { schemaDefault } from "../openapi/schema-shapes.js";
import { messageSchema, readClientMessage, readQuery } from "./channel-messages.js";
import type { ChannelConnection, ChannelSession, RealtimeContext } from "./connection.js";
import { PcmInput } from "./pcm-input.js";
import { frames } from "./segment-audio.js";
import { keyOf, keyProblem, markerIn } from "./session-gate.js";
import { type Failure, SessionIO } from "./session-io.js";
import { renderSandboxSpeech } from "./speech-render.js";
import { type Heard, UtteranceTracker } from "./utterance-tracker.js";

const CHANNEL = "realtimeTranslation";
const spec = channels[CHANNEL];
const { audioIn, audioOut } = spec;
/** Translated speech goes out in frames of this many bytes (a tenth of a second at 24 kHz). */
const AUDIO_FRAME_BYTES = (audioOut.sampleRate * 2) / 10;

type Settings = ServerMessageOf<typeof CHANNEL, "session.updated">["session"];
const DEFAULT_MODALITIES = schemaDefault(messageSchema(CHANNEL, "client", spec.start) ?? {}, [
  "session",
  "output_modalities",
]) as NonNullable<Settings["output_modalities"]>;
const PCM16LE: PcmLayout = { kind: "s16", littleEndian: true, bytesPerSample: 2 };

/** Base64 to bytes with `atob`, which browsers (msw) and Node alike have; a bad character gives no bytes. */
function base64Bytes(text: string): Uint8Array {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return new Uint8Array(0);
  }
}

/** One realtime translation session over a connection. */
export class RealtimeTranslationSession implements ChannelSession {
  private readonly io: SessionIO;
  private readonly model: string;
  private settings: Settings | undefined;
  private readonly input = new PcmInput(audioIn.encoding, audioIn.channels);
  private readonly tracker = new UtteranceTracker(audioIn.sampleRate);

  constructor(
    private readonly connection: ChannelConnection,
    private readonly context: RealtimeContext,
  ) {
    this.io = new SessionIO(CHANNEL, connection, (message) => ({ type: spec.error, error: { message } }));
    const query = readQuery(CHANNEL, connection.url.searchParams);
    this.model = query.ok ? String(query.value.model) : "";
    if (!query.ok) void this.fail("bad-request", query.reason);
  }

  receive(frame: string | Uint8Array): void {
    if (this.io.closing) return;
    if (typeof frame !== "string")
      return void this.fail(
        "bad-request",
        `Audio goes base64 in ${audioIn.message} messages, not binary frames`,
      );
    const read = readClientMessage(CHANNEL, frame);
    if (!read.ok) return void this.fail("bad-request", read.reason);
    const message = read.value;
    if (!this.settings) {
      if (message.type !== spec.start)
        return void this.fail("bad-request", `The first message must be ${spec.start}`);
      this.start(message);
      return;
    }
    if (message.type === spec.start) this.update(message);
    else this.respond(this.tracker.push(this.input.push(base64Bytes(String(message[audioIn.field] ?? "")))));
  }

  ended(): void {
    this.io.ended();
  }

  private fail(failure: Failure, message: string): Promise<void> {
    return this.io.fail(failure, message);
  }

  private start(message: JsonObject): void {
    const problem = keyProblem(CHANNEL, this.context.options, keyOf(CHANNEL, this.connection, message));
    if (problem) return void this.fail("unauthorized", problem);
    const settings = message.session as unknown as Settings;
    const marker = markerIn(settings as unknown as Json);
    if (marker === "payment")
      return void this.fail("payment-required", "Not enough credits ([sandbox:payment])");
    if (marker === "error")
      return void this.fail("internal", "The sandbox failed this session on purpose ([sandbox:error])");
    this.settings = settings;
    void this.io.send({ type: "session.starting" });
    const created: ServerMessageOf<typeof CHANNEL, "session.created"> = {
      type: "session.created",
      session: {
        id: this.context.sessionId(),
        model: settings.model ?? this.model,
        source_language: settings.source_language,
        target_language: settings.target_language,
        output_modalities: this.modalities(),
      },
    };
    void this.io.send(created);
  }

  /** A later `session.update` changes the settings (the key is not read again). */
  private update(message: JsonObject): void {
    const { auth: _auth, ...rest } = message;
    this.settings = { ...this.settings, ...(isObject(rest.session) ? rest.session : {}) } as Settings;
    void this.io.send({ type: "session.updated", session: this.settings });
  }

  private modalities(): NonNullable<Settings["output_modalities"]> {
    return this.settings?.output_modalities ?? DEFAULT_MODALITIES;
  }

  /** For each utterance heard to its end: its transcript, then the translation as text and as speech. */
  private respond(heard: readonly Heard[]): void {
    const settings = this.settings;
    if (!settings) return;
    for (const { final, words } of heard) {
      if (!final || words.length === 0) continue;
      const transcript = words.map((w) => w.word).join(" ");
      void this.io.send({ type: "conversation.item.input_audio_transcription.completed", transcript });
      // BCP-47 tags are case-insensitive; the sandbox's language table spells them in lower case.
      const translated = translateText(transcript, resolveLanguage(settings.target_language.toLowerCase()));
      const modalities = this.modalities();
      if (modalities.includes("text")) {
        for (const delta of translated.split(/(?<= )/u))
          void this.io.send({ type: "response.text.delta", delta });
        void this.io.send({ type: "response.text.done", text: translated });
      }
      if (modalities.includes("audio")) {
        const samples = renderSandboxSpeech(translated, { sampleRate: audioOut.sampleRate });
        const bytes = encodePcm(samples, PCM16LE);
        void this.io.sendEach(Promise.resolve(Array.from(frames(bytes, AUDIO_FRAME_BYTES))));
        void this.io.send({ type: "response.audio.done" });
      }
    }
  }
}
