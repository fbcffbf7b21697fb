// Gapless playback of audio that arrives in pieces (live TTS segments, translated PCM) through Web Audio:
// each piece is scheduled to start where the one before ends, in the order it arrived.

/** What the queue is doing: sounding, run dry while more may come, or done with everything it was given. */
export type QueueState = "playing" | "waiting" | "ended";

/** Raw PCM16 little-endian mono at `sampleRate`. */
export interface Pcm16 {
  pcm16: Uint8Array;
  sampleRate: number;
}

/** A little slack before the first piece and after a dry spell, so its first quantum is not cut. */
const LEAD_SECONDS = 0.05;

/**
 * Plays pieces of audio back to back: encoded files (decoded with `decodeAudioData`: any format the browser
 * reads, wav and flac included) or raw PCM16. Decoding runs ahead; scheduling keeps arrival order.
 * `end()` says nothing more comes: the state turns "ended" when the last piece has played.
 */
export class AudioQueue {
  readonly context: AudioContext;
  private nextStart = 0;
  private sounding = 0;
  private ended = false;
  private released = false;
  private order: Promise<void> = Promise.resolve();
  private readonly sources = new Set<AudioBufferSourceNode>();

  constructor(
    private readonly onState: (state: QueueState) => void,
    private readonly onError: (error: unknown) => void,
  ) {
    this.context = new AudioContext();
  }

  /** Queues one piece; pieces play in the order they were queued, whatever their decoding takes. */
  enqueue(piece: Uint8Array | Pcm16): void {
    if (this.released || this.ended) return;
    const decoded = "pcm16" in piece ? Promise.resolve(this.fromPcm16(piece)) : this.decode(piece);
    this.order = this.order.then(async () => {
      try {
        const buffer = await decoded;
        if (!this.released && buffer && buffer.length > 0) this.schedule(buffer);
      } catch (error) {
        if (!this.released) this.onError(error);
      }
    });
  }

  /** Nothing more comes; "ended" once all that was queued has played. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    void this.order.then(() => {
      if (!this.released && this.sounding === 0) this.onState("ended");
    });
  }

  /** Stops what plays and closes the context. Safe to call more than once. */
  release(): void {
    if (this.released) return;
    this.released = true;
    for (const source of this.sources) {
      source.onended = null;
      try {
        source.stop();
      } catch {
        // Never started: nothing to stop.
      }
    }
    this.sources.clear();
    void this.context.close().catch(() => {});
  }

  private decode(bytes: Uint8Array): Promise<AudioBuffer> {
    // decodeAudioData detaches the buffer it is given: hand it a copy.
    return this.context.decodeAudioData(bytes.slice().buffer);
  }

  private fromPcm16({ pcm16, sampleRate }: Pcm16): AudioBuffer | undefined {
    const frames = Math.floor(pcm16.byteLength / 2);
    if (frames === 0) return undefined;
    const buffer = this.context.createBuffer(1, frames, sampleRate);
    const samples = buffer.getChannelData(0);
    const view = new DataView(pcm16.buffer, pcm16.byteOffset, frames * 2);
    for (let i = 0; i < frames; i++) samples[i] = view.getInt16(i * 2, true) / 0x8000;
    return buffer;
  }

  private schedule(buffer: AudioBuffer): void {
    if (this.context.state === "suspended") void this.context.resume().catch(this.onError);
    const source = this.context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.context.destination);
    const start = Math.max(this.nextStart, this.context.currentTime + LEAD_SECONDS);
    source.start(start);
    this.nextStart = start + buffer.duration;
    this.sources.add(source);
    this.sounding++;
    this.onState("playing");
    source.onended = () => {
      this.sources.delete(source);
      source.disconnect();
      this.sounding--;
      if (this.sounding > 0) return;
      this.onState(this.ended ? "ended" : "waiting");
    };
  }
}
