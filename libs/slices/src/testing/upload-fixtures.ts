import type { SliceLimits } from '../slice-limits';
import { makeTar } from './tar-writer';
import { makeWav } from './wav-writer';
import { makeZip, type ZipEntrySpec } from './zip-writer';

/** One file as a client would send it. */
export interface UploadFixture {
  name: string;
  filename: string;
  contentType?: string;
  data: Buffer;
}

/**
 * Tight limits under which every bad upload is refused and every good one accepted; an API
 * configured with them can replay the whole corpus quickly.
 */
export const CORPUS_LIMITS: Readonly<Partial<SliceLimits>> = Object.freeze({
  maxBytes: 8 * 1024 * 1024,
  maxItems: 50,
  maxRowBytes: 4096,
  maxAttributes: 8,
  maxAttributeValueLength: 64,
  maxAudioSeconds: 10,
  maxUncompressedBytes: 1024 * 1024,
});

export function jsonl(rows: readonly unknown[]): Buffer {
  return Buffer.from(rows.map((row) => JSON.stringify(row)).join('\n') + '\n', 'utf8');
}

export function text(lines: readonly string[]): Buffer {
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

export interface ManifestRowSpec {
  id: unknown;
  audio?: unknown;
  reference?: unknown;
  attributes?: unknown;
}

/** Two short distinct WAV clips under audio/, as a manifest and its files. */
export function twoClips(): { rows: ManifestRowSpec[]; files: Record<string, Buffer> } {
  return {
    rows: [
      {
        id: 'clip-1',
        audio: 'audio/clip1.wav',
        reference: 'turn the lights on',
        attributes: { accent: 'scottish' },
      },
      {
        id: 'clip-2',
        audio: 'audio/clip2.wav',
        reference: 'call my mother',
        attributes: { accent: 'welsh' },
      },
    ],
    files: {
      'audio/clip1.wav': makeWav({ frequency: 440 }),
      'audio/clip2.wav': makeWav({ frequency: 660 }),
    },
  };
}

/** A zip of manifest.jsonl + files, with extra raw entries (forged or not) appended. */
export function audioZip(
  rows: readonly ManifestRowSpec[],
  files: Record<string, Buffer>,
  extra: readonly ZipEntrySpec[] = [],
): Buffer {
  return makeZip([
    { name: 'manifest.jsonl', data: jsonl(rows) },
    ...Object.entries(files).map(([name, data]) => ({ name, data })),
    ...extra,
  ]);
}

export function audioTarGz(
  rows: readonly ManifestRowSpec[],
  files: Record<string, Buffer>,
): Promise<Buffer> {
  return makeTar([
    { name: 'manifest.jsonl', data: jsonl(rows) },
    ...Object.entries(files).map(([name, data]) => ({ name, data })),
  ]);
}
