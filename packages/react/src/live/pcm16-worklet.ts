// The AudioWorklet that turns captured audio into PCM16 chunks at a session's rate, loaded from a Blob URL.
import { Pcm16Encoder } from "./pcm16-encoder.js";

/** The processor's registered name. */
export const PCM16_PROCESSOR = "camb-pcm16-encoder";

/** The message that asks the processor for its last, partial chunk and stops it. */
export const FLUSH = "flush";

/**
 * The worklet module: the encoder's own source (a self-contained class, so it runs in the worklet's scope
 * as it is, minified or not) and a processor that feeds it each render quantum and posts every chunk it
 * completes, transferred, to the node's port.
 */
function workletSource(): string {
  return `const Pcm16Encoder = (${Pcm16Encoder.toString()});
registerProcessor(${JSON.stringify(PCM16_PROCESSOR)}, class extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const { outputRate, chunkFrames } = options.processorOptions;
    this.encoder = new Pcm16Encoder(sampleRate, outputRate, chunkFrames);
    this.stopped = false;
    this.port.onmessage = (event) => {
      if (event.data !== ${JSON.stringify(FLUSH)} || this.stopped) return;
      this.stopped = true;
      const rest = this.encoder.flush();
      this.port.postMessage(rest, [rest]);
    };
  }
  process(inputs) {
    if (this.stopped) return false;
    const input = inputs[0];
    if (input && input.length > 0) {
      for (const chunk of this.encoder.push(input)) this.port.postMessage(chunk, [chunk]);
    }
    return true;
  }
});
`;
}

/** Adds the processor to `context` (once per context). A page whose CSP refuses `blob:` worklets fails here. */
export async function loadPcm16Worklet(context: BaseAudioContext): Promise<void> {
  const url = URL.createObjectURL(new Blob([workletSource()], { type: "text/javascript" }));
  try {
    await context.audioWorklet.addModule(url);
  } finally {
    URL.revokeObjectURL(url);
  }
}
