// FLAC's two checksums (RFC 9639 §9.1): CRC-8 of a frame header and CRC-16 of a whole frame,
// both MSB-first with zero initial value. Hand-written: a few lines, no package offers just these.

function table(poly: number, width: 8 | 16): Uint16Array {
  const top = 1 << (width - 1);
  const mask = (1 << width) - 1;
  return Uint16Array.from({ length: 256 }, (_, byte) => {
    let crc = byte << (width - 8);
    for (let bit = 0; bit < 8; bit += 1)
      crc = crc & top ? ((crc << 1) ^ poly) & mask : (crc << 1) & mask;
    return crc;
  });
}

const CRC8 = table(0x07, 8);
const CRC16 = table(0x8005, 16);

export function flacCrc8(bytes: Uint8Array, start: number, end: number): number {
  let crc = 0;
  for (let i = start; i < end; i += 1) crc = CRC8[crc ^ bytes[i]];
  return crc;
}

export function flacCrc16(bytes: Uint8Array, start: number, end: number): number {
  let crc = 0;
  for (let i = start; i < end; i += 1) crc = ((crc << 8) & 0xffff) ^ CRC16[(crc >> 8) ^ bytes[i]];
  return crc;
}
