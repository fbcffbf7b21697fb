// Captured audio (the microphone, or any MediaStream) as a stream of PCM16 mono chunks at a session's rate:
// getUserMedia, an AudioContext and the PCM16 worklet, and every one of them released on stop.
import { MicrophoneBacklogError } from "./live-errors.js";
import { FLUSH, loadPcm16Worklet, PCM16_PROCESSOR } from "./pcm16-worklet.js";

export interface MicrophoneOptions {
  /** Capture this stream instead of asking for the microphone (its tracks are then left running on stop). */
  stream?: MediaStream | undefined;
  /** Constraints for `getUserMedia({ audio })` when no stream is given. */
  constraints?: MediaTrackConstraints | boolean | undefined;
  /** The session's rate: chunks are PCM16 mono at it. */
  sampleRate: number;
}

export interface Microphone {
  /** PCM16 little-endian mono chunks (100 ms each) as they are captured. */
  readonly chunks: ReadableStream<Uint8Array>;
  /** Stops capturing: the last partial chunk is sent, then `chunks` ends; everything is released. */
  stop(): Promise<void>;
  /** Releases everything now, dropping what was not read yet. Safe to call more than once. */
  release(): void;
}

/** Audio per chunk: short enough for live results, long enough not to send a message per render quantum. */
const CHUNK_SECONDS = 0.1;
/** Captured audio that may wait for the connection before the session is ended. */
export const MAX_QUEUED_SECONDS = 10;

/**
 * Starts capturing. The AudioContext runs at the device's own rate (a context at another rate cannot take a
 * microphone in every browser) and the worklet resamples to `sampleRate`.
 */
export async function openMicrophone(options: MicrophoneOptions): Promise<Microphone> {
  const owned = options.stream === undefined;
  const stream =
    options.stream ??
    (await navigator.mediaDevices.getUserMedia({ audio: options.constraints ?? { channelCount: 1 } }));
  const stopTracks = () => {
    if (owned) for (const track of stream.getTracks()) track.stop();
  };
  let context: AudioContext;
  try {
    context = new AudioContext();
  } catch (error) {
    stopTracks();
    throw error;
  }
  try {
    await loadPcm16Worklet(context);
    // A context made outside a user gesture may start suspended; capture needs it running.
    if (context.state === "suspended") await context.resume();
  } catch (error) {
    stopTracks();
    void context.close().catch(() => {});
    throw error;
  }
  const chunkFrames = Math.round(options.sampleRate * CHUNK_SECONDS);
  const source = context.createMediaStreamSource(stream);
  const node = new AudioWorkletNode(context, PCM16_PROCESSOR, {
    numberOfInputs: 1,
    numberOfOutputs: 0,
    processorOptions: { outputRate: options.sampleRate, chunkFrames },
  });
  const maxQueued = Math.ceil(MAX_QUEUED_SECONDS / CHUNK_SECONDS);
  let released = false;
  let flushed: (() => void) | undefined;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const chunks = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      cancel() {
        release();
      },
    },
    { highWaterMark: maxQueued },
  );

  node.port.onmessage = (event: MessageEvent<ArrayBuffer>) => {
    if (released) return;
    const last = flushed !== undefined;
    if (event.data.byteLength > 0) controller.enqueue(new Uint8Array(event.data));
    if (last) {
      controller.close();
      flushed?.();
      release();
    } else if ((controller.desiredSize ?? 0) < 0) {
      // More than MAX_QUEUED_SECONDS waits unread: the reader (the connection) is slower than real time.
      controller.error(new MicrophoneBacklogError(MAX_QUEUED_SECONDS));
      release();
    }
  };
  source.connect(node);

  function release() {
    if (released) return;
    released = true;
    node.port.onmessage = null;
    source.disconnect();
    node.disconnect();
    stopTracks();
    void context.close().catch(() => {});
    flushed?.();
  }

  return {
    chunks,
    release() {
      if (!released) controller.error(new DOMException("Capture stopped", "AbortError"));
      release();
    },
    stop() {
      if (released) return Promise.resolve();
      // A context that does not run processes no message: there is no partial chunk to wait for.
      if (context.state !== "running") {
        controller.close();
        release();
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        flushed = resolve;
        node.port.postMessage(FLUSH);
      });
    },
  };
}
