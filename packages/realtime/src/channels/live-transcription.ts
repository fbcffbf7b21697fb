// openLiveTranscription: PCM audio in (bytes, or any source converted), transcripts out, kept alive while no
// audio flows.
import type { CambClient } from "@camb-kit/client";
import type { ChannelQuery, ServerMessage } from "@camb-kit/client/spec";
import type { AudioSource } from "../audio/audio-source.js";
import { AudioInput, type PipeAudioOptions, type PipeAudioResult } from "../session/audio-input.js";
import { ChannelSession } from "../session/channel-session.js";
import type { RealtimeSession } from "../session/realtime-session.js";
import type { SessionOptions } from "../session/session-options.js";
import type { ReadyMessage } from "../session/session-types.js";

/** The query of a live transcription session: model, language, and the audio's encoding, rate and channels. */
export type LiveTranscriptionQuery = ChannelQuery<"liveTranscription">;

/** What a live transcription session yields: `Ready`, `Results` (interim and final), `Final`. */
export type LiveTranscriptionEvent = ServerMessage<"liveTranscription">;

/** Sending audio: raw bytes as they are, or a source converted to what the session takes. */
export interface AudioSending {
  /**
   * Sends audio already in the session's format (PCM16 mono at its rate unless the query says otherwise),
   * cut into frames; each waits while the send buffer is full.
   */
  sendAudio(audio: Uint8Array | ArrayBuffer): Promise<void>;
  /**
   * Sends all of `source` (bytes, a ReadableStream, a Node stream, any async iterable), converted: a WAV
   * file (header read) or raw PCM in `options.format` is downmixed, resampled and encoded to PCM16 at the
   * session's rate. With no format, a WAV header is detected and anything else is sent as it is. It does
   * not finish the session. A source that fails rejects the pipe with its error; the session stays open.
   */
  pipeAudio(source: AudioSource, options?: PipeAudioOptions): Promise<PipeAudioResult>;
}

export interface LiveTranscriptionSession
  extends RealtimeSession<LiveTranscriptionEvent, ReadyMessage<"liveTranscription">>,
    AudioSending {
  /** No more audio (`CloseStream`): the server sends `Final` and closes, and the iterator ends. */
  finish(): Promise<void>;
}

class LiveTranscription
  extends ChannelSession<"liveTranscription", LiveTranscriptionEvent>
  implements LiveTranscriptionSession
{
  private readonly audio: AudioInput<"liveTranscription">;

  constructor(
    camb: CambClient,
    query: LiveTranscriptionQuery | undefined,
    options: SessionOptions | undefined,
  ) {
    super(camb, {
      channel: "liveTranscription",
      query,
      options,
      toEvent: (event) => event as LiveTranscriptionEvent,
    });
    this.audio = new AudioInput(this, "liveTranscription", query);
  }

  sendAudio(audio: Uint8Array | ArrayBuffer): Promise<void> {
    return this.audio.sendAudio(audio);
  }

  pipeAudio(source: AudioSource, options?: PipeAudioOptions): Promise<PipeAudioResult> {
    return this.audio.pipeAudio(source, options);
  }
}

/** Opens a live transcription session with `query` (the server's defaults for what it leaves out). */
export function openLiveTranscription(
  camb: CambClient,
  query?: LiveTranscriptionQuery,
  options?: SessionOptions,
): LiveTranscriptionSession {
  return new LiveTranscription(camb, query, options);
}
