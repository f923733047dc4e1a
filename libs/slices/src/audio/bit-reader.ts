/** MSB-first bit reader over a byte buffer, as FLAC frames are written (RFC 9639 §9). */
export class BitReader {
  /** Position in bits from the start of `data`. */
  bit: number;

  constructor(
    private readonly data: Uint8Array,
    byteOffset: number,
  ) {
    this.bit = byteOffset * 8;
  }

  get bytePosition(): number {
    return this.bit >>> 3;
  }

  /** An unsigned value of up to 32 bits. */
  read(bits: number): number {
    let value = 0;
    while (bits > 0) {
      const byte = this.data[this.bit >>> 3];
      if (byte === undefined) throw new RangeError('read past the end of the FLAC data');
      const offset = this.bit & 7;
      const take = Math.min(bits, 8 - offset);
      const chunk = (byte >>> (8 - offset - take)) & ((1 << take) - 1);
      value = value * 2 ** take + chunk;
      this.bit += take;
      bits -= take;
    }
    return value;
  }

  /** A two's-complement signed value of up to 32 bits. */
  readSigned(bits: number): number {
    if (bits === 0) return 0;
    const value = this.read(bits);
    return value >= 2 ** (bits - 1) ? value - 2 ** bits : value;
  }

  /** Number of 0 bits before the next 1 bit, which is consumed. */
  readUnary(): number {
    let zeros = 0;
    for (;;) {
      const byte = this.data[this.bit >>> 3];
      if (byte === undefined) throw new RangeError('read past the end of the FLAC data');
      const offset = this.bit & 7;
      const rest = (byte << offset) & 0xff;
      if (rest === 0) {
        zeros += 8 - offset;
        this.bit += 8 - offset;
        continue;
      }
      const leading = Math.clz32(rest) - 24;
      zeros += leading;
      this.bit += leading + 1;
      return zeros;
    }
  }

  alignToByte(): void {
    this.bit = (this.bit + 7) & ~7;
  }
}
