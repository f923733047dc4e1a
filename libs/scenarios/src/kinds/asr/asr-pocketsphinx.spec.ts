import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdapter } from '@lastmile/adapters';
import { generateSpeechSlice } from '../../data/speech/generate-speech-slice';
import { readSpeechManifest } from '../../data/speech/speech-manifest';
import { programAvailable, run, speechToolsAvailable } from '../../data/speech/speech-tools';
import { asrKind } from './asr.kind';

const tools = speechToolsAvailable() && programAvailable('pocketsphinx_continuous');
const skip = !process.env.CI && !tools && 'espeak-ng, sox or pocketsphinx_continuous missing';

describe('asr kind on a real recognizer', { skip }, () => {
  it('scores a pocketsphinx transcript of a generated clip with consistent counts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'asr-pocketsphinx-'));
    try {
      const slice = await generateSpeechSlice({
        outDir: dir,
        voices: ['en-us'],
        phrases: ['the patient reports chest pain'],
        seed: 1,
      });
      const [item] = await readSpeechManifest(slice.manifestPath);
      const stdout = await run('pocketsphinx_continuous', [
        '-infile',
        join(dir, slice.entries[0].audio),
        '-logfn',
        '/dev/null',
      ]);
      const transcript = stdout.trim();
      const config = asrKind.configSchema.parse({});
      const stats = await asrKind.score(item, transcript, config, { seed: 1 });
      const { hits, substitutions, deletions, insertions, errors, refWords, hypWords } =
        stats as Record<string, number>;
      assert.equal(refWords, 5);
      assert.equal(hits + substitutions + deletions, refWords);
      assert.equal(hits + substitutions + insertions, hypWords);
      assert.equal(errors, substitutions + deletions + insertions);
      const [wer] = asrKind.aggregate(
        [{ itemId: item.id, sample: 0, attributes: item.attributes, stats }],
        config,
        { seed: 1 },
      );
      // pocketsphinx is far from accurate on synthetic speech; the number only has to be sane.
      assert.equal(wer.name, 'wer');
      assert.ok(
        typeof wer.value === 'number' && wer.value >= 0 && wer.value <= 2,
        `WER ${wer.value}`,
      );
      assert.equal(wer.value, errors / refWords);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  const clip =
    '/usr/share/pocketsphinx/test/data/librivox/sense_and_sensibility_01_austen_64kb-0880.wav';
  const noClip = !process.env.CI && !existsSync(clip) && 'pocketsphinx-testdata missing';
  it(
    "computes the confidence signal from pocketsphinx's word posteriors",
    { skip: skip || noClip },
    async () => {
      const adapter = createAdapter(
        {
          kind: 'command',
          argv: [
            'pocketsphinx_continuous',
            '-infile',
            '{audio}',
            '-time',
            'yes',
            '-logfn',
            '/dev/null',
          ],
          output: 'pocketsphinx-time',
          limits: { timeoutMs: 60_000 },
        },
        { allowCommand: true },
      );
      const item = {
        id: '0880',
        references: ['he was not an ill disposed young man'],
        attributes: { speaker: 'librivox-austen' },
        audio: { data: await readFile(clip), filename: '0880.wav', mimeType: 'audio/wav' },
      };
      const config = asrKind.configSchema.parse({ response: 'json' });
      const raw = (await adapter.invoke(asrKind.buildRequest(item, config, 0))).text;
      await adapter.close?.();
      const stats = await asrKind.score(item, raw, config, { seed: 1 });
      // "ill disposed" heard as "illness those": two substitutions of eight words
      assert.deepEqual(
        [stats.hypothesis, stats.errors, stats.substitutions, stats.refWords],
        ['he was not an illness those young man', 2, 2, 8],
      );
      assert.deepEqual(
        [stats.confidence, stats.emptyTranscript, stats.transcriptWords],
        [0.6645, 0, 8],
      );
      const rows = asrKind.aggregate(
        [{ itemId: item.id, sample: 0, attributes: item.attributes, stats }],
        config,
        { seed: 1 },
      );
      const confidence = rows.find((m) => m.name === 'confidence' && m.subgroup === 'all')!;
      assert.deepEqual([confidence.value, confidence.n], [0.6645, 1]);
    },
  );
});
