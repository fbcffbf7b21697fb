// The hand-written H.264 still: Exp-Golomb and emulation prevention by the book, and pictures ffmpeg decodes.
import { describe, expect, test } from "vitest";
import { BitWriter, nalUnit } from "../src/video/bits.js";
import { encodeStill } from "../src/video/h264.js";
import { writeTemp } from "./helpers/decoders.js";
import { annexB, decodeAll, decodeFirstPicture, probeVideo } from "./helpers/video-probe.js";

describe("BitWriter and nalUnit", () => {
  test("write Exp-Golomb codes as H.264 9.1 spells them, then the stop bit", () => {
    // ue(3) = 00100, se(-1) = ue(2) = 011, stop bit 1, zero padding: 0010 0011 1000 0000
    expect(new BitWriter().ue(3).se(-1).finish()).toEqual(Uint8Array.from([0x23, 0x80]));
    expect(new BitWriter().ue(0).se(1).u(3, 0b101).finish()).toEqual(Uint8Array.from([0b10101011]));
  });

  test("put an emulation-prevention byte after two zeros that precede 0-3, and nowhere else", () => {
    const rbsp = Uint8Array.from([0, 0, 1, 0, 0, 0, 0, 0, 4]);
    expect(nalUnit(0x65, rbsp)).toEqual(Uint8Array.from([0x65, 0, 0, 3, 1, 0, 0, 3, 0, 0, 3, 0, 4]));
  });
});

describe("encodeStill", () => {
  test.each([
    [16, 16],
    [64, 36],
    [160, 90],
    [352, 288],
  ])("a %ix%i picture decodes without an error, at that size, in one colour", (width, height) => {
    const colour = [180, 60, 200] as const;
    const still = encodeStill({ width, height, colour });
    const path = writeTemp(annexB(still, 3), "h264");
    expect(decodeAll(path)).toEqual({ status: 0, messages: "" });
    const [stream] = probeVideo(path).streams;
    expect(stream).toMatchObject({ codec_name: "h264", profile: "Constrained Baseline", width, height });
    const { y, cb, cr } = decodeFirstPicture(path, width, height);
    expect([new Set(y), new Set(cb), new Set(cr)]).toEqual([new Set([180]), new Set([60]), new Set([200])]);
  });

  test("refuses odd sizes and sizes beyond level 2.0 with a RangeError", () => {
    const colour = [110, 128, 128] as const;
    expect(() => encodeStill({ width: 63, height: 36, colour })).toThrow(RangeError);
    expect(() => encodeStill({ width: 368, height: 288, colour })).toThrow(RangeError);
  });
});
