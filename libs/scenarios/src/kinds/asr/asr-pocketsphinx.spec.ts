import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
