import { createHash } from 'node:crypto';

// Hand-written: ten lines for sorted-key JSON beats an extra dependency for hashing.
/**
 * JSON with object keys sorted at every depth and undefined members dropped: the one canonical
 * form of every content hash. Slice hashes written before it was shared are unchanged (slices
 * never hold undefined array members, the only input on which the two old copies differed);
 * libs/slices' content-hash spec pins them.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const members = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map(
      (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
    );
  return `{${members.join(',')}}`;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
