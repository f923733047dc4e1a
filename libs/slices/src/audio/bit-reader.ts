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

  /**
   * `count` Rice codes with parameter `param` into out[from…], zigzag-decoded (RFC 9639
   * §9.2.7.3). The hot loop of FLAC decoding, so it keeps the position in locals.
   */
  readRice(param: number, out: Int32Array, from: number, count: number): void {
    const data = this.data;
    const length = data.length;
    const end = length * 8;
    const scale = 2 ** param;
    let bit = this.bit;
    for (let n = 0; n < count; n++) {
      let quotient = 0;
      for (;;) {
        if (bit >= end) throw new RangeError('read past the end of the FLAC data');
        const offset = bit & 7;
        const rest = (data[bit >>> 3] << offset) & 0xff;
        if (rest === 0) {
          quotient += 8 - offset;
          bit += 8 - offset;
          continue;
        }
        const leading = Math.clz32(rest) - 24;
        quotient += leading;
        bit += leading + 1;
        break;
      }
      let remainder = 0;
      const at = bit >>> 3;
      if (param > 0 && param <= 24 && at + 3 < length) {
        // the next 32 bits hold the whole remainder: shift it to the top, keep `param` bits
        const word =
          ((data[at] << 24) | (data[at + 1] << 16) | (data[at + 2] << 8) | data[at + 3]) <<
          (bit & 7);
        remainder = word >>> (32 - param);
        bit += param;
      } else {
        for (let left = param; left > 0;) {
          if (bit >= end) throw new RangeError('read past the end of the FLAC data');
          const offset = bit & 7;
          const take = Math.min(left, 8 - offset);
          remainder =
            remainder * 2 ** take + ((data[bit >>> 3] >>> (8 - offset - take)) & ((1 << take) - 1));
          bit += take;
          left -= take;
        }
      }
      const u = quotient * scale + remainder;
      out[from + n] = u < 0x80000000 ? (u >>> 1) ^ -(u & 1) : u % 2 === 0 ? u / 2 : -(u + 1) / 2;
    }
    this.bit = bit;
  }

  alignToByte(): void {
    this.bit = (this.bit + 7) & ~7;
  }
}
