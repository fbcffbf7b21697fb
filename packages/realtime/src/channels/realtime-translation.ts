// openRealtimeTranslation: speech in, translated text and speech out. The key travels in the first message;
// translated audio comes as one kind of event whether the server sends it binary or base64.
import type { CambClient } from "@camb-kit/client";
import type { channels, components, ServerMessage } from "@camb-kit/client/spec";
import type { AudioSource } from "../audio/audio-source.js";
import { AudioInput, type PipeAudioOptions, type PipeAudioResult } from "../session/audio-input.js";
import { ChannelSession } from "../session/channel-session.js";
import type { RealtimeSession } from "../session/realtime-session.js";
import type { SessionOptions } from "../session/session-options.js";
import type { AudioEvent, ReadyMessage } from "../session/session-types.js";
import type { AudioSending } from "./live-transcription.js";

/** What a realtime translation session does: languages, model, modalities, voice. */
export type RealtimeTranslationSettings = components["schemas"]["RealtimeTranslationSettings"];

/** Translated speech: PCM16 mono at the channel's output rate (`channels.realtimeTranslation.audioOut`). */
export interface RealtimeTranslationAudio {
  type: "audio";
  data: Uint8Array;
}

/** Every server message (the audio message becomes an audio event), and the audio. */
export type RealtimeTranslationEvent =
  | Exclude<
      ServerMessage<"realtimeTranslation">,
      { type: NonNullable<(typeof channels)["realtimeTranslation"]["audioOut"]["message"]> }
    >
  | RealtimeTranslationAudio;

export interface RealtimeTranslationSession
  extends RealtimeSession<RealtimeTranslationEvent, ReadyMessage<"realtimeTranslation">>,
    AudioSending {}

class RealtimeTranslation
  extends ChannelSession<"realtimeTranslation", RealtimeTranslationEvent>
  implements RealtimeTranslationSession
{
  private readonly audio: AudioInput<"realtimeTranslation">;

  constructor(camb: CambClient, settings: RealtimeTranslationSettings, options: SessionOptions | undefined) {
    const query = settings.model === undefined ? undefined : { model: settings.model };
    super(camb, {
      channel: "realtimeTranslation",
      query,
      start: { type: "session.update", session: settings },
      options,
      // The audio message never reaches here: read-frame.ts turns it into an audio event.
      toEvent: (event: ServerMessage<"realtimeTranslation"> | AudioEvent) =>
        event as RealtimeTranslationEvent,
    });
    this.audio = new AudioInput(this, "realtimeTranslation", query);
  }

  sendAudio(audio: Uint8Array | ArrayBuffer): Promise<void> {
    return this.audio.sendAudio(audio);
  }

  pipeAudio(source: AudioSource, options?: PipeAudioOptions): Promise<PipeAudioResult> {
    return this.audio.pipeAudio(source, options);
  }
}

/**
 * Opens a realtime speech-to-speech translation session (beta). `settings.model` also picks the URL's
 * model; left out, the server's default applies. There is no end message: `close()` when done.
 */
export function openRealtimeTranslation(
  camb: CambClient,
  settings: RealtimeTranslationSettings,
  options?: SessionOptions,
): RealtimeTranslationSession {
  if (settings === null || typeof settings !== "object") {
    throw new TypeError("openRealtimeTranslation needs the session's settings");
  }
  return new RealtimeTranslation(camb, settings, options);
}
