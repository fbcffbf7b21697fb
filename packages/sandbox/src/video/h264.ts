// A one-colour H.264 picture, encoded bit by bit: the only video codec every target container carries.
import { BitWriter, nalUnit } from "./bits.js";

/**
 * Why write H.264 by hand: there is no well-kept pure-JS video encoder (WebCodecs' VideoEncoder is not in
 * Node, and the npm H.264 encoders are unmaintained WASM builds), and a one-colour picture needs none of
 * what makes an encoder hard. The picture is a single IDR slice (Constrained Baseline, CAVLC, 4:2:0):
 *
 * - the first macroblock is I_PCM, its samples written verbatim in the wanted colour;
 * - every other macroblock is Intra 16x16 with DC prediction and no residual, so it copies the mean of its
 *   neighbours' edges, which is that same colour; such a macroblock costs one byte.
 *
 * Every frame is an IDR picture, so every frame is a keyframe and no reference handling is needed.
 */
export interface StillPicture {
  /** Even, at most 352 (level 2.0). */
  width: number;
  /** Even, at most 288 (level 2.0). */
  height: number;
  /** 8-bit Y, Cb, Cr (limited range: Y 16–235, Cb and Cr 16–240). */
  colour: readonly [number, number, number];
}

export interface EncodedStill {
  /** The codec string (RFC 6381): Constrained Baseline, level 2.0. */
  codec: string;
  codedWidth: number;
  codedHeight: number;
  /** The AVCDecoderConfigurationRecord (avcC) carrying the SPS and PPS, as MP4, MOV and Matroska store it. */
  description: Uint8Array;
  /**
   * The picture as an access unit in AVCC form (a 4-byte length before the slice NAL unit). Two copies that
   * differ in idr_pic_id: consecutive IDR pictures must differ there (H.264 7.4.3), so frames alternate.
   */
  frames: readonly [Uint8Array, Uint8Array];
}

const PROFILE_IDC = 66; // Baseline
const CONSTRAINTS = 0xc0; // constraint_set0 and set1: Constrained Baseline
const LEVEL_IDC = 20; // level 2.0: up to 396 macroblocks (352x288)
const NAL_SPS = 0x67; // nal_ref_idc 3, type 7
const NAL_PPS = 0x68; // nal_ref_idc 3, type 8
const NAL_IDR = 0x65; // nal_ref_idc 3, type 5

function sequenceParameterSet(mbsWide: number, mbsHigh: number, width: number, height: number): Uint8Array {
  const bits = new BitWriter()
    .u(8, PROFILE_IDC)
    .u(8, CONSTRAINTS)
    .u(8, LEVEL_IDC)
    .ue(0) // seq_parameter_set_id
    .ue(0) // log2_max_frame_num_minus4: frame_num is 4 bits
    .ue(2) // pic_order_cnt_type 2: output order is decoding order, nothing to signal
    .ue(0) // max_num_ref_frames: every picture is intra
    .u(1, 0) // gaps_in_frame_num_value_allowed_flag
    .ue(mbsWide - 1)
    .ue(mbsHigh - 1)
    .u(1, 1) // frame_mbs_only_flag
    .u(1, 1); // direct_8x8_inference_flag
  const cropRight = (mbsWide * 16 - width) / 2; // in 4:2:0 crop units of two samples
  const cropBottom = (mbsHigh * 16 - height) / 2;
  if (cropRight > 0 || cropBottom > 0) bits.u(1, 1).ue(0).ue(cropRight).ue(0).ue(cropBottom);
  else bits.u(1, 0);
  return nalUnit(NAL_SPS, bits.u(1, 0).finish()); // no VUI: the container carries the timing
}

function pictureParameterSet(): Uint8Array {
  const bits = new BitWriter()
    .ue(0) // pic_parameter_set_id
    .ue(0) // seq_parameter_set_id
    .u(1, 0) // entropy_coding_mode_flag: CAVLC
    .u(1, 0) // bottom_field_pic_order_in_frame_present_flag
    .ue(0) // num_slice_groups_minus1
    .ue(0) // num_ref_idx_l0_default_active_minus1
    .ue(0) // num_ref_idx_l1_default_active_minus1
    .u(1, 0) // weighted_pred_flag
    .u(2, 0) // weighted_bipred_idc
    .se(0) // pic_init_qp_minus26
    .se(0) // pic_init_qs_minus26
    .se(0) // chroma_qp_index_offset
    .u(1, 1) // deblocking_filter_control_present_flag, so the slice can turn the filter off
    .u(1, 0) // constrained_intra_pred_flag
    .u(1, 0); // redundant_pic_cnt_present_flag
  return nalUnit(NAL_PPS, bits.finish());
}

/** coeff_token for "no coefficients" in the CAVLC table that nC selects (H.264 Table 9-5). */
function emptyCoeffToken(bits: BitWriter, nC: number): void {
  if (nC < 2) bits.u(1, 0b1);
  else if (nC < 4) bits.u(2, 0b11);
  else if (nC < 8) bits.u(4, 0b1111);
  else bits.u(6, 0b000011);
}

function idrSlice(mbsWide: number, mbsHigh: number, colour: StillPicture["colour"], idrPicId: number) {
  const bits = new BitWriter()
    .ue(0) // first_mb_in_slice
    .ue(7) // slice_type: I, and every slice of the picture is I
    .ue(0) // pic_parameter_set_id
    .u(4, 0) // frame_num
    .ue(idrPicId)
    .u(1, 0) // no_output_of_prior_pics_flag
    .u(1, 0) // long_term_reference_flag
    .se(0) // slice_qp_delta
    .ue(1); // disable_deblocking_filter_idc: nothing to smooth in one colour
  const [y, cb, cr] = colour;
  bits.ue(25); // mb_type I_PCM
  while (!bits.byteAligned) bits.u(1, 0); // pcm_alignment_zero_bit
  bits
    .raw(new Array<number>(256).fill(y))
    .raw(new Array<number>(64).fill(cb))
    .raw(new Array<number>(64).fill(cr));
  // nC averages the neighbours' coefficient counts, and the I_PCM macroblock 0 counts as 16 (H.264 9.2.1).
  const coefficients = (neighbour: number) => (neighbour === 0 ? 16 : 0);
  for (let mb = 1; mb < mbsWide * mbsHigh; mb++) {
    const left = mb % mbsWide > 0 ? coefficients(mb - 1) : undefined;
    const top = mb >= mbsWide ? coefficients(mb - mbsWide) : undefined;
    const nC = left !== undefined && top !== undefined ? (left + top + 1) >> 1 : (left ?? top ?? 0);
    bits.ue(3); // mb_type I_16x16_2_0_0: DC prediction, no luma AC, no chroma coefficients
    bits.ue(0); // intra_chroma_pred_mode: DC
    bits.se(0); // mb_qp_delta
    emptyCoeffToken(bits, nC); // the Intra16x16DCLevel block, empty
  }
  return nalUnit(NAL_IDR, bits.finish());
}

function lengthPrefixed(nal: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + nal.length);
  new DataView(out.buffer).setUint32(0, nal.length);
  out.set(nal, 4);
  return out;
}

/** AVCDecoderConfigurationRecord (ISO/IEC 14496-15 5.3.3.1) with 4-byte NAL lengths, one SPS, one PPS. */
function avcConfiguration(sps: Uint8Array, pps: Uint8Array): Uint8Array {
  const out = new Uint8Array(11 + sps.length + pps.length);
  const view = new DataView(out.buffer);
  out.set([1, PROFILE_IDC, CONSTRAINTS, LEVEL_IDC, 0xff, 0xe1], 0);
  view.setUint16(6, sps.length);
  out.set(sps, 8);
  out[8 + sps.length] = 1;
  view.setUint16(9 + sps.length, pps.length);
  out.set(pps, 11 + sps.length);
  return out;
}

/** Encodes a one-colour picture; the same two frames serve a video of any length. */
export function encodeStill({ width, height, colour }: StillPicture): EncodedStill {
  if (!Number.isInteger(width / 2) || !Number.isInteger(height / 2) || width < 2 || height < 2)
    throw new RangeError(`A 4:2:0 picture needs an even width and height, not ${width}x${height}`);
  const mbsWide = Math.ceil(width / 16);
  const mbsHigh = Math.ceil(height / 16);
  if (mbsWide * mbsHigh > 396) throw new RangeError(`${width}x${height} is larger than level 2.0 allows`);
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(2, "0");
  return {
    codec: `avc1.${hex(PROFILE_IDC)}${hex(CONSTRAINTS)}${hex(LEVEL_IDC)}`,
    codedWidth: width,
    codedHeight: height,
    description: avcConfiguration(
      sequenceParameterSet(mbsWide, mbsHigh, width, height),
      pictureParameterSet(),
    ),
    frames: [
      lengthPrefixed(idrSlice(mbsWide, mbsHigh, colour, 0)),
      lengthPrefixed(idrSlice(mbsWide, mbsHigh, colour, 1)),
    ],
  };
}
