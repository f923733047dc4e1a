import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSpeechSlice } from './generate-speech-slice';
import { readSpeechManifest } from './speech-manifest';
import { speechToolsAvailable } from './speech-tools';

// Skipped only on a developer machine without espeak-ng and sox; in CI their absence fails.
const skip = !process.env.CI && !speechToolsAvailable() && 'espeak-ng or sox missing';

/** fmt and data chunk fields of a RIFF/WAVE file. */
function wavFormat(bytes: Buffer) {
  assert.equal(bytes.toString('ascii', 0, 4), 'RIFF');
  assert.equal(bytes.toString('ascii', 8, 12), 'WAVE');
  const format = { audioFormat: 0, channels: 0, sampleRate: 0, bitsPerSample: 0, dataBytes: 0 };
  for (let offset = 12; offset + 8 <= bytes.length;) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      format.audioFormat = bytes.readUInt16LE(offset + 8);
      format.channels = bytes.readUInt16LE(offset + 10);
      format.sampleRate = bytes.readUInt32LE(offset + 12);
      format.bitsPerSample = bytes.readUInt16LE(offset + 22);
    }
    if (id === 'data') format.dataBytes = size;
    offset += 8 + size + (size % 2);
  }
  return format;
}

async function withDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'speech-slice-spec-'));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const PHRASES = ['the patient reports chest pain', 'no known drug allergies'];

describe('generateSpeechSlice', { skip }, () => {
  it('writes 16 kHz mono 16-bit PCM WAVs and a manifest with accent, noise and device', () =>
    withDir(async (dir) => {
      const slice = await generateSpeechSlice({
        outDir: dir,
        voices: ['en-us', 'en-gb-scotland'],
        phrases: PHRASES,
        condition: 'hum',
        seed: 3,
      });
      const lines = (await readFile(slice.manifestPath, 'utf8')).trim().split('\n');
      assert.equal(lines.length, 4);
      assert.deepEqual(JSON.parse(lines[2]), {
        id: 'en-gb-scotland_hum_wideband_01',
        audio: 'audio/en-gb-scotland_hum_wideband_01.wav',
        reference: 'the patient reports chest pain',
        attributes: { accent: 'en-gb-scotland', noise: 'hum', device: 'wideband' },
      });
      for (const entry of slice.entries) {
        const format = wavFormat(await readFile(join(dir, entry.audio)));
        assert.deepEqual(
          { ...format, dataBytes: undefined },
          {
            audioFormat: 1,
            channels: 1,
            sampleRate: 16000,
            bitsPerSample: 16,
            dataBytes: undefined,
          },
        );
        // At least half a second of speech, an even number of bytes (whole 16-bit samples).
        assert.ok(format.dataBytes > 16000 && format.dataBytes % 2 === 0, entry.id);
      }
    }));

  it('gives the same bytes for the same seed and different noise for another seed', () =>
    withDir(async (dir) => {
      const make = (name: string, seed: number) =>
        generateSpeechSlice({
          outDir: join(dir, name),
          voices: ['en-us'],
          phrases: PHRASES.slice(0, 1),
          condition: 'noisy',
          seed,
        });
      const [a, b, c] = [await make('a', 1), await make('b', 1), await make('c', 2)];
      const audio = async (root: string, slice: typeof a) =>
        readFile(join(dir, root, slice.entries[0].audio));
      assert.ok((await audio('a', a)).equals(await audio('b', b)));
      assert.ok(!(await audio('a', a)).equals(await audio('c', c)));
    }));

  it('band-limits the telephone device and reads back as asr items', () =>
    withDir(async (dir) => {
      const slice = await generateSpeechSlice({
        outDir: dir,
        voices: ['en-029'],
        phrases: PHRASES.slice(1),
        device: 'telephone',
      });
      const items = await readSpeechManifest(slice.manifestPath);
      assert.equal(items.length, 1);
      assert.deepEqual(items[0].references, ['no known drug allergies']);
      assert.deepEqual(items[0].attributes, {
        accent: 'en-029',
        noise: 'clean',
        device: 'telephone',
      });
      assert.equal(items[0].audio!.mimeType, 'audio/wav');
      assert.equal(wavFormat(items[0].audio!.data).sampleRate, 16000);
    }));
});
