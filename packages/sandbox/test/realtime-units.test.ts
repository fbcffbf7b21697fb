// The realtime channels' small parts: live TTS's sentence cutting, how fault rules split between REST and
// the channels, close reasons that fit a close frame, and the placeholder for audio that is not sandbox speech.
import { describe, expect, it } from "vitest";
import { closeReason } from "../src/realtime/connection.js";
import { splitFaultRules } from "../src/realtime/realtime-context.js";
import { TextSegmenter } from "../src/realtime/text-segmenter.js";
import { UtteranceTracker } from "../src/realtime/utterance-tracker.js";
import type { FaultRule } from "../src/types.js";

describe("live TTS's sentence cutting", () => {
  it("speaks a sentence once what follows its stop shows it ended", () => {
    const segmenter = new TextSegmenter();
    expect(segmenter.add("Pi is 3.")).toEqual([]);
    expect(segmenter.add("14. Really? ")).toEqual(["Pi is 3.14.", "Really?"]);
    expect(segmenter.add("「はい。」それで")).toEqual(["「はい。」"]);
    expect(segmenter.pending).toBe(true);
    expect(segmenter.flush()).toEqual(["それで"]);
    expect(segmenter.flush()).toEqual([]);
  });
});

describe("fault rules on channels", () => {
  it("gives channel routes to the channels, operations to REST, and rules without a route to both", () => {
    const rules: FaultRule[] = [
      { route: "liveSpeech", kind: "truncate" },
      { route: "getSpeechResult", kind: "status", status: 503 },
      { kind: "latency", ms: 10 },
      { kind: "slow-reader" },
    ];
    const { rest, channels } = splitFaultRules(rules);
    expect(rest).toEqual([rules[1], rules[2]]);
    expect(channels).toEqual([rules[0], rules[2], rules[3]]);
  });
});

describe("close reasons", () => {
  it("are cut to the 123 bytes a close frame holds, on a character", () => {
    const reason = closeReason("é".repeat(200));
    expect(new TextEncoder().encode(reason).length).toBeLessThanOrEqual(123);
    expect(reason.endsWith("…")).toBe(true);
    expect(closeReason("short")).toBe("short");
  });
});

describe("what a listening session hears of other audio", () => {
  it("is a placeholder sentence per 5 seconds of sound, and a shorter one at the end", () => {
    const rate = 8000;
    const tracker = new UtteranceTracker(rate);
    const tone = Float32Array.from(
      { length: rate * 7 },
      (_, i) => 0.3 * Math.sin((i * 2 * Math.PI * 440) / rate),
    );
    const heard = [...tracker.push(tone), ...tracker.finish()];
    expect(heard.map((h) => h.words.map((w) => w.word).join(" "))).toEqual([
      "Sandbox transcript, segment 1.",
      "Sandbox transcript, segment 2.",
    ]);
    expect(heard[0]?.utterance).toMatchObject({ start: 0, seconds: 5 });
    expect(heard[1]?.utterance.start).toBe(5);
    expect(heard[1]?.utterance.seconds).toBeCloseTo(2, 5);
  });
});
