// CRC-8 and CRC-16 as FLAC defines them, for the frame headers and footers the FLAC writer emits.
/** The two CRCs FLAC frames carry: CRC-8 (poly 0x07) over the header, CRC-16 (poly 0x8005) over the frame. */
function table(poly: number, width: 8 | 16): Uint16Array {
  const top = 1 << (width - 1);
  const mask = (1 << width) - 1;
  const result = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let crc = i << (width - 8);
    for (let bit = 0; bit < 8; bit++) crc = crc & top ? ((crc << 1) ^ poly) & mask : (crc << 1) & mask;
    result[i] = crc;
  }
  return result;
}

const CRC8 = table(0x07, 8);
const CRC16 = table(0x8005, 16);

export function crc8(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0;
  for (let i = start; i < end; i++) crc = CRC8[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0;
  return crc;
}

export function crc16(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0;
  for (let i = start; i < end; i++)
    crc = ((crc << 8) & 0xffff) ^ (CRC16[((crc >> 8) ^ (bytes[i] ?? 0)) & 0xff] ?? 0);
  return crc;
}
