// Where the first complete MPEG audio frame of an MP3 byte stream ends: the point from which a decoder can
// produce sound. Skips an ID3v2 tag; handles MPEG 1, 2 and 2.5 layer III (what the sandbox and the API send).

const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** @param {Uint8Array} bytes the start of the stream @returns {number | undefined} end offset of frame 1 */
export function firstFrameEnd(bytes) {
  let at = 0;
  if (bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33) {
    // ID3v2: 10-byte header, then a 28-bit syncsafe size.
    at = 10 + ((bytes[6] << 21) | (bytes[7] << 14) | (bytes[8] << 7) | bytes[9]);
  }
  for (; at + 4 <= bytes.length; at++) {
    if (bytes[at] !== 0xff || (bytes[at + 1] & 0xe0) !== 0xe0) continue;
    const version = (bytes[at + 1] >> 3) & 3; // 3 = MPEG1, 2 = MPEG2, 0 = MPEG2.5
    const layer = (bytes[at + 1] >> 1) & 3; // 1 = layer III
    const bitrateIndex = bytes[at + 2] >> 4;
    const rateIndex = (bytes[at + 2] >> 2) & 3;
    const padding = (bytes[at + 2] >> 1) & 1;
    if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3)
      continue;
    const bitrate = (version === 3 ? BITRATES_V1 : BITRATES_V2)[bitrateIndex] * 1000;
    const rate = RATES[version][rateIndex];
    const length = Math.floor(((version === 3 ? 144 : 72) * bitrate) / rate) + padding;
    return at + length;
  }
  return undefined;
}
