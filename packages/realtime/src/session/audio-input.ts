// Sends audio on a session as its channel wants it (binary frames, or base64 in a message field): bytes as
// they are, or any source converted and framed, optionally at real-time pace, with backpressure throughout.
import { sleep } from "@camb-kit/client/internal";
import { type ChannelId, type ClientMessage, channels } from "@camb-kit/client/spec";
import { sessionAudioFormat } from "../audio/audio-format.js";
import type { AudioSource } from "../audio/audio-source.js";
import { type ConvertAudioOptions, sessionAudioFrames } from "../audio/convert-audio.js";
import { toBase64 } from "../base64.js";

export interface PipeAudioOptions extends ConvertAudioOptions {
  /**
   * `"realtime"` sends each frame when its audio would have been spoken (a file played as a live
   * microphone); `"fast"` (the default) as fast as the link takes it.
   */
  pace?: "realtime" | "fast" | undefined;
  /** Stops the pipe (not the session): the source is cancelled and the pipe rejects with the reason. */
  signal?: AbortSignal | undefined;
}

export interface PipeAudioResult {
  /** Frames sent. */
  frames: number;
  /** Audio bytes sent (before any base64). */
  bytes: number;
  /** Seconds of audio sent, at the session's rate. */
  seconds: number;
}

/** The part of a session audio input drives. */
export interface AudioSink<C extends ChannelId> {
  readonly ready: Promise<unknown>;
  readonly endedSignal: AbortSignal;
  sendBinary(bytes: Uint8Array): Promise<void>;
  sendMessage(message: ClientMessage<C>): Promise<void>;
}

// sendAudio() cuts larger buffers into frames of this much audio: one frame over the send-buffer limit at most.
const SEND_FRAME_SECONDS = 0.1;

export class AudioInput<C extends ChannelId> {
  private readonly target;
  private readonly bytesPerSecond: number;

  constructor(
    private readonly session: AudioSink<C>,
    private readonly channel: C,
    query: Readonly<Record<string, unknown>> | undefined,
  ) {
    this.target = sessionAudioFormat(channel, query);
    this.bytesPerSecond = this.target.sampleRate * 2 * this.target.channels;
  }

  /** Sends audio already in the session's format, cut into frames, each after the send buffer has room. */
  async sendAudio(audio: Uint8Array | ArrayBuffer): Promise<void> {
    const bytes = audio instanceof ArrayBuffer ? new Uint8Array(audio) : audio;
    const align = 2 * this.target.channels;
    const frameBytes = Math.max(
      align,
      Math.round((this.bytesPerSecond * SEND_FRAME_SECONDS) / align) * align,
    );
    for (let offset = 0; offset < bytes.length; offset += frameBytes) {
      await this.sendFrame(bytes.subarray(offset, offset + frameBytes));
    }
  }

  /** Converts and sends all of `source`; resolves when its last frame is handed to the socket. */
  async pipeAudio(source: AudioSource, options: PipeAudioOptions = {}): Promise<PipeAudioResult> {
    const sent = { frames: 0, bytes: 0, seconds: 0 };
    const pace = options.pace ?? "fast";
    if (pace !== "realtime" && pace !== "fast") throw new TypeError(`Invalid pace: ${String(pace)}`);
    const stop = new AbortController();
    const stopWith = (signal: AbortSignal | undefined) => {
      const onAbort = () => stop.abort(signal?.reason);
      signal?.addEventListener("abort", onAbort, { once: true });
      if (signal?.aborted) onAbort();
      return () => signal?.removeEventListener("abort", onAbort);
    };
    const detach = [stopWith(options.signal), stopWith(this.session.endedSignal)];
    try {
      await this.session.ready;
      const startedAt = Date.now();
      for await (const frame of sessionAudioFrames(source, this.target, options)) {
        if (stop.signal.aborted) throw stop.signal.reason;
        if (pace === "realtime") {
          const due = startedAt + sent.seconds * 1000 - Date.now();
          if (due > 0) await sleep(due, stop.signal);
        }
        await this.sendFrame(frame);
        sent.frames += 1;
        sent.bytes += frame.byteLength;
        sent.seconds = sent.bytes / this.bytesPerSecond;
      }
      return sent;
    } finally {
      for (const undo of detach) undo();
    }
  }

  private sendFrame(frame: Uint8Array): Promise<void> {
    const audioIn = channels[this.channel].audioIn!;
    if (audioIn.binary) return this.session.sendBinary(frame);
    const message = { type: audioIn.message, [audioIn.field!]: toBase64(frame) };
    return this.session.sendMessage(message as unknown as ClientMessage<C>);
  }
}
