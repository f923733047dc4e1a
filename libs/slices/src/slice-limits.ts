/** Bounds on one slice upload; every one of them is checked before anything is returned. */
export interface SliceLimits {
  /** Size of the upload as sent (compressed archive or text file). */
  maxBytes: number;
  /** Rows in a text file, or rows of an audio manifest. */
  maxItems: number;
  /** One JSONL line or one CSV record, in bytes of UTF-8. */
  maxRowBytes: number;
  /** Attributes on one item. */
  maxAttributes: number;
  /** Characters in one attribute value. */
  maxAttributeValueLength: number;
  /** Duration of one audio file. */
  maxAudioSeconds: number;
  /** Bytes an archive may expand to, all entries together. */
  maxUncompressedBytes: number;
  /** Inclusive sample-rate range accepted for audio, in Hz. */
  acceptedSampleRates: { min: number; max: number };
  acceptedChannels: readonly number[];
  acceptedBitsPerSample: readonly number[];
  /** Problems kept in a SliceValidationError; the rest are only counted. */
  maxProblems: number;
}

export const DEFAULT_SLICE_LIMITS: Readonly<SliceLimits> = Object.freeze({
  maxBytes: 200 * 1024 * 1024,
  maxItems: 50_000,
  maxRowBytes: 256 * 1024,
  maxAttributes: 32,
  maxAttributeValueLength: 256,
  maxAudioSeconds: 120,
  maxUncompressedBytes: 512 * 1024 * 1024,
  acceptedSampleRates: Object.freeze({ min: 8000, max: 48_000 }),
  acceptedChannels: Object.freeze([1]),
  acceptedBitsPerSample: Object.freeze([16]),
  maxProblems: 50,
});

/** Defaults overlaid with the caller's limits; a limit that is not a positive number is a bug. */
export function resolveSliceLimits(overrides: Partial<SliceLimits> = {}): SliceLimits {
  const limits: SliceLimits = { ...DEFAULT_SLICE_LIMITS, ...overrides };
  const scalars = [
    'maxBytes',
    'maxItems',
    'maxRowBytes',
    'maxAttributes',
    'maxAttributeValueLength',
    'maxAudioSeconds',
    'maxUncompressedBytes',
    'maxProblems',
  ] as const;
  for (const name of scalars) {
    const value = limits[name];
    if (!(typeof value === 'number' && value > 0)) {
      throw new RangeError(`slice limit ${name} must be a positive number, got ${value}`);
    }
  }
  const { min, max } = limits.acceptedSampleRates;
  if (!(min > 0 && max >= min)) {
    throw new RangeError(`slice limit acceptedSampleRates must have 0 < min <= max`);
  }
  return limits;
}
