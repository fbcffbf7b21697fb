// The capture path's encoder: float audio at the device's rate to PCM16 mono at a session's rate, the same
// in the worklet's shipped source as in the module, and faithful enough that the sandbox hears the words.
import { decodeSandboxSpeech, renderSandboxSpeech } from "@camb-kit/sandbox";
import { describe, expect, it } from "vitest";
import { Pcm16Encoder } from "../src/live/pcm16-encoder.js";
import { FakeAudioContext, FakeAudioWorkletNode, installFakeAudio } from "./helpers/fake-audio.js";

const pcm = (chunks: ArrayBuffer[]) => {
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(new Uint8Array(chunk), offset);
    offset += chunk.byteLength;
  }
  return new Int16Array(bytes.buffer);
};

/** Encodes all of `samples` in blocks of `block` frames, flushing at the end. */
function encode(samples: Float32Array, inputRate: number, outputRate: number, block = 128) {
  const encoder = new Pcm16Encoder(inputRate, outputRate, 1600);
  const chunks: ArrayBuffer[] = [];
  for (let offset = 0; offset < samples.length; offset += block) {
    chunks.push(...encoder.push([samples.subarray(offset, offset + block)]));
  }
  chunks.push(encoder.flush());
  return pcm(chunks);
}

const sine = (hz: number, rate: number, seconds: number) =>
  Float32Array.from({ length: rate * seconds }, (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / rate));

describe("Pcm16Encoder", () => {
  it("resamples 48 kHz to 16 kHz: one output frame per three, the waveform kept", () => {
    const output = encode(sine(440, 48_000, 1), 48_000, 16_000);
    expect(output.length).toBe(16_000);
    for (const i of [0, 1, 100, 5000, 15_999]) {
      expect(output[i]! / 0x7fff).toBeCloseTo(0.5 * Math.sin((2 * Math.PI * 440 * i) / 16_000), 2);
    }
  });

  it("gives the same samples whatever the block size: block edges are interpolated like any other", () => {
    const input = sine(1000, 44_100, 0.5);
    const whole = encode(input, 44_100, 24_000, input.length);
    expect(encode(input, 44_100, 24_000, 128)).toEqual(whole);
    expect(encode(input, 44_100, 24_000, 77)).toEqual(whole);
  });

  it("hands out chunks of the size asked, downmixes channels and clamps", () => {
    const encoder = new Pcm16Encoder(16_000, 16_000, 4);
    const chunks = encoder.push([Float32Array.of(1, 2, -3, 0, 0.5), Float32Array.of(1, 0, -1, 0, 0.5)]);
    expect(chunks.map((chunk) => chunk.byteLength)).toEqual([8]);
    expect([...pcm(chunks)]).toEqual([0x7fff, 0x7fff, -0x8000, 0]);
    expect([...pcm([encoder.flush()])]).toEqual([Math.round(0.5 * 0x7fff)]);
    expect(encoder.flush().byteLength).toBe(0);
  });

  it("rejects rates and chunk sizes that are not positive", () => {
    expect(() => new Pcm16Encoder(0, 16_000, 10)).toThrow(RangeError);
    expect(() => new Pcm16Encoder(48_000, 16_000, 0)).toThrow(RangeError);
  });

  it("keeps the sandbox's speech intelligible: 48 kHz capture at 16 kHz decodes to the same words", () => {
    const spoken = renderSandboxSpeech("Hello there, live captions.", { sampleRate: 48_000 });
    const floats = Float32Array.from(spoken, (sample) => sample / 0x8000);
    const heard = decodeSandboxSpeech(encode(floats, 48_000, 16_000), 16_000);
    expect(heard.map((utterance) => utterance.text)).toEqual(["Hello there, live captions."]);
  });
});

describe("the PCM16 worklet", () => {
  it("runs the encoder's own source in the worklet scope and posts the same chunks", async () => {
    installFakeAudio(() => {
      throw new Error("not asked");
    });
    const { loadPcm16Worklet, PCM16_PROCESSOR, FLUSH } = await import("../src/live/pcm16-worklet.js");
    const context = new FakeAudioContext();
    await loadPcm16Worklet(context as unknown as AudioContext);
    const node = new FakeAudioWorkletNode(context, PCM16_PROCESSOR, {
      processorOptions: { outputRate: 16_000, chunkFrames: 1600 },
    });
    const posted: ArrayBuffer[] = [];
    const flushed = new Promise<void>((resolve) => {
      node.port.onmessage = ({ data }) => {
        posted.push(data as ArrayBuffer);
        if ((data as ArrayBuffer).byteLength < 3200) resolve();
      };
    });
    const input = sine(440, 48_000, 1);
    for (let offset = 0; offset < input.length; offset += 128) {
      expect(node.processor.process([[input.subarray(offset, offset + 128)]])).toBe(true);
    }
    node.port.postMessage(FLUSH);
    await flushed;
    expect(pcm(posted)).toEqual(encode(input, 48_000, 16_000));
    // Once flushed it processes nothing more.
    expect(node.processor.process([[input.subarray(0, 128)]])).toBe(false);
  });
});
