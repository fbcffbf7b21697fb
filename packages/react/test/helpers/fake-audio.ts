// Web Audio and getUserMedia stand-ins for happy-dom (which has neither), faithful where the live hooks rely
// on them: the hooks' real worklet source runs in a fake AudioWorkletGlobalScope, a captured stream is
// rendered into it in 128-frame quanta, and buffer sources end when the test lets them.
import { afterEach, vi } from "vitest";

const QUANTUM = 128;

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, "mediaDevices");
});

/** A MediaStream whose audio is `samples` (mono, at the fake context's rate), with tracks that can stop. */
export class FakeMediaStream {
  readonly tracks = [
    {
      kind: "audio",
      stopped: false,
      stop() {
        this.stopped = true;
      },
    },
  ];
  constructor(readonly samples: Float32Array) {}
  getTracks() {
    return this.tracks;
  }
  get stopped(): boolean {
    return this.tracks.every((track) => track.stopped);
  }
}

/** The blobs behind object URLs made since `installFakeAudio`, so addModule can read a worklet's source. */
const blobs = new Map<string, Blob>();

class FakePort {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  other!: FakePort;
  postMessage(data: unknown) {
    // Messages cross threads: never delivered synchronously.
    queueMicrotask(() => this.other.onmessage?.({ data }));
  }
}

type ProcessorClass = new (options: {
  processorOptions: unknown;
}) => {
  port: FakePort;
  process(inputs: Float32Array[][]): boolean;
};

let pendingPort: FakePort | undefined;

class FakeAudioWorkletProcessor {
  readonly port: FakePort;
  constructor() {
    this.port = pendingPort!;
  }
}

export class FakeAudioContext {
  static readonly made: FakeAudioContext[] = [];
  readonly sampleRate = 48_000;
  state: "running" | "suspended" | "closed" = "running";
  currentTime = 0;
  readonly destination = {};
  readonly processors = new Map<string, ProcessorClass>();
  readonly sources: FakeBufferSource[] = [];
  readonly decoded: Uint8Array[] = [];

  readonly audioWorklet = {
    addModule: async (url: string) => {
      const source = await blobs.get(url)!.text();
      const scope = new Function("registerProcessor", "AudioWorkletProcessor", "sampleRate", source);
      scope(
        (name: string, processor: ProcessorClass) => this.processors.set(name, processor),
        FakeAudioWorkletProcessor,
        this.sampleRate,
      );
    },
  };

  constructor() {
    FakeAudioContext.made.push(this);
  }

  async resume() {
    this.state = "running";
  }

  async close() {
    this.state = "closed";
  }

  createMediaStreamSource(stream: FakeMediaStream) {
    const context = this;
    return {
      connect(node: FakeAudioWorkletNode) {
        void context.render(stream.samples, node);
      },
      disconnect() {},
    };
  }

  /** Renders the stream into the node's processor, a few quanta per turn of the event loop. */
  private async render(samples: Float32Array, node: FakeAudioWorkletNode) {
    for (let offset = 0; offset < samples.length; offset += QUANTUM) {
      if (this.state === "closed") return;
      const block = new Float32Array(QUANTUM);
      block.set(samples.subarray(offset, offset + QUANTUM));
      if (!node.processor.process([[block]])) return;
      if ((offset / QUANTUM) % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  createBuffer(channels: number, length: number, sampleRate: number) {
    const data = Array.from({ length: channels }, () => new Float32Array(length));
    return { length, sampleRate, duration: length / sampleRate, getChannelData: (i: number) => data[i]! };
  }

  createBufferSource() {
    const source = new FakeBufferSource();
    this.sources.push(source);
    return source;
  }

  async decodeAudioData(buffer: ArrayBuffer) {
    this.decoded.push(new Uint8Array(buffer));
    return this.createBuffer(1, 48_000, 48_000);
  }

  /** Ends every buffer source started so far, as playback reaching their end would. */
  finishPlayback() {
    for (const source of this.sources) if (source.startedAt !== undefined && !source.done) source.end();
  }
}

export class FakeBufferSource {
  buffer: { length: number; sampleRate: number; getChannelData(i: number): Float32Array } | null = null;
  startedAt: number | undefined;
  done = false;
  onended: (() => void) | null = null;
  connect() {}
  disconnect() {}
  start(when: number) {
    this.startedAt = when;
  }
  stop() {
    this.done = true;
  }
  end() {
    this.done = true;
    this.onended?.();
  }
}

export class FakeAudioWorkletNode {
  readonly port = new FakePort();
  readonly processor: InstanceType<ProcessorClass>;
  constructor(context: FakeAudioContext, name: string, options: { processorOptions: unknown }) {
    const Processor = context.processors.get(name);
    if (!Processor) throw new DOMException(`No processor ${name}`, "InvalidStateError");
    pendingPort = new FakePort();
    pendingPort.other = this.port;
    this.port.other = pendingPort;
    this.processor = new Processor(options);
  }
  disconnect() {}
}

/** Installs the fakes as globals; `getUserMedia` answers with `stream()` each time it is asked. */
export function installFakeAudio(stream: () => FakeMediaStream) {
  blobs.clear();
  FakeAudioContext.made.length = 0;
  const create = URL.createObjectURL.bind(URL);
  vi.spyOn(URL, "createObjectURL").mockImplementation((blob: Blob | MediaSource) => {
    const url = create(blob as Blob);
    if (blob instanceof Blob) blobs.set(url, blob);
    return url;
  });
  vi.stubGlobal("AudioContext", FakeAudioContext);
  vi.stubGlobal("AudioWorkletNode", FakeAudioWorkletNode);
  const getUserMedia = vi.fn(async (_constraints: MediaStreamConstraints) => stream());
  Object.defineProperty(navigator, "mediaDevices", { value: { getUserMedia }, configurable: true });
  return { getUserMedia, contexts: FakeAudioContext.made };
}
