import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { InstanceStats, ScenarioItem, ScoredInstance } from '../../scenario-kind';
import { asrKind } from './asr.kind';

const config = asrKind.configSchema.parse({});
const WORD_STAT_KEYS = [
  'errors',
  'refWords',
  'hypWords',
  'hits',
  'substitutions',
  'deletions',
  'insertions',
  'charErrors',
  'refChars',
  'normalizer',
];
const context = { seed: 17 };

function utterance(
  id: string,
  reference: string,
  attributes: Record<string, string>,
): ScenarioItem {
  const audio = { data: Buffer.from('RIFF'), mimeType: 'audio/wav', filename: `${id}.wav` };
  return { id, references: [reference], attributes, audio };
}

const CORPUS: [ScenarioItem, string][] = [
  [
    utterance('u1', 'the patient reports chest pain', { accent: 'a', speaker: 's1' }),
    'The patient report chest pain.',
  ],
  [
    utterance('u2', 'no known drug allergies', { accent: 'a', speaker: 's1' }),
    'no known drug allergies',
  ],
  [utterance('u3', 'take a deep breath', { accent: 'b', speaker: 's2' }), 'take deep breath now'],
  [utterance('u4', 'hold it', { accent: 'b', speaker: 's3' }), ''],
];

async function scoredCorpus(): Promise<ScoredInstance[]> {
  const out: ScoredInstance[] = [];
  for (const [item, hypothesis] of CORPUS) {
    const stats = await asrKind.score(item, hypothesis, config, context);
    out.push({ itemId: item.id, sample: 0, attributes: item.attributes, stats });
  }
  return out;
}

describe('asr kind', () => {
  it('sends the audio with the configured transcription params', () => {
    const cfg = asrKind.configSchema.parse({ params: { language: 'en' } });
    const request = asrKind.buildRequest(CORPUS[0][0], cfg, 0);
    assert.deepEqual(request, {
      audio: { data: Buffer.from('RIFF'), mimeType: 'audio/wav', filename: 'u1.wav' },
      params: { language: 'en' },
    });
    assert.throws(
      () => asrKind.buildRequest({ id: 'x', attributes: {} }, cfg, 0),
      /x has no audio/,
    );
  });

  it('counts sclite word and character edits per utterance after normalization', async () => {
    const [u1, u2, u3, u4] = (await scoredCorpus()).map((i) => i.stats);
    const normalizer = 'lastmile-norm-v1:nfc,lower,strip-punct,collapse-ws';
    const wordStats = (stats: InstanceStats) =>
      Object.fromEntries(WORD_STAT_KEYS.map((key) => [key, stats[key]]));
    assert.deepEqual(wordStats(u1), {
      errors: 1,
      refWords: 5,
      hypWords: 5,
      hits: 4,
      substitutions: 1,
      deletions: 0,
      insertions: 0,
      charErrors: 1,
      refChars: 26,
      normalizer,
    });
    // no normalizer or GLM configured: no texts are stored, as in kind version 1
    assert.equal('reference' in u1, false);
    assert.equal(u2.errors, 0);
    assert.deepEqual(
      [
        u3.hits,
        u3.substitutions,
        u3.deletions,
        u3.insertions,
        u3.errors,
        u3.charErrors,
        u3.refChars,
      ],
      [3, 0, 1, 1, 2, 4, 15],
    );
    // An empty transcript deletes every word: WER 1 for it, never 0.
    assert.deepEqual([u4.errors, u4.deletions, u4.refWords, u4.charErrors], [2, 2, 2, 6]);
  });

  it('adds label-free stats, naming why the audio could not be decoded', async () => {
    const [u1, , , u4] = (await scoredCorpus()).map((i) => i.stats);
    assert.match(String(u1.acousticError), /WAV is 4 bytes/);
    assert.deepEqual([u1.snrDb, u1.emptyTranscript, u1.transcriptWords], [null, 0, 5]);
    assert.equal(u4.emptyTranscript, 1);
  });

  it('refuses an item with neither a reference transcript nor audio', async () => {
    const item = { id: 'n', attributes: {}, references: [] };
    await assert.rejects(asrKind.score(item, 'x', config, context), /n has neither a reference/);
  });

  it('reports corpus WER and CER overall and per accent, and the largest accent gap', async () => {
    const values = asrKind.aggregate(await scoredCorpus(), config, context);
    const get = (name: string, subgroup = 'all') =>
      values.find((v) => v.name === name && v.subgroup === subgroup)!;
    const close = (actual: number | null, expected: number) =>
      assert.ok(Math.abs(actual! - expected) < 1e-12, `${actual} ≠ ${expected}`);
    close(get('wer').value, 5 / 15);
    close(get('cer').value, 11 / 67);
    close(get('wer', 'accent=a').value, 1 / 9);
    close(get('wer', 'accent=b').value, 4 / 6);
    close(get('substitution_rate').value, 1 / 15);
    close(get('deletion_rate').value, 3 / 15);
    close(get('insertion_rate').value, 1 / 15);
    assert.equal(get('wer').n, 4);
    assert.equal(get('wer', 'accent=b').n, 2);
    close(get('wer_gap:accent').value, 4 / 6 - 1 / 9);
    close(get('cer_gap:accent').value, 10 / 21 - 1 / 46);
    assert.equal(get('wer_gap:accent').n, 4);
    const gap = get('wer_gap:accent');
    assert.ok(gap.ciLow! <= gap.value! && gap.value! <= gap.ciHigh!);
  });

  it("reports every metric per speaker, resampling the speaker's own utterances", async () => {
    const values = asrKind.aggregate(await scoredCorpus(), config, context);
    const row = (name: string, subgroup: string) => {
      const v = values.find((x) => x.name === name && x.subgroup === subgroup)!;
      return [v.value, v.ciLow, v.ciHigh, v.n];
    };
    // s1: u1 (1 error of 5 words) and u2 (0 of 4): 1/9, resampled {u1,u1} = 2/10 … {u2,u2} = 0
    assert.deepEqual(row('wer', 'speaker=s1'), [1 / 9, 0, 0.2, 2]);
    assert.deepEqual(row('wer', 'speaker=s2'), [0.5, 0.5, 0.5, 1]);
    assert.deepEqual(row('deletion_rate', 'speaker=s3'), [1, 1, 1, 1]);
    assert.deepEqual(row('empty_transcript_rate', 'speaker=s3').slice(0, 1), [1]);
    const speakers = new Set(
      values.filter((v) => v.subgroup.startsWith('speaker=')).map((v) => v.subgroup),
    );
    assert.deepEqual([...speakers].sort(), ['speaker=s1', 'speaker=s2', 'speaker=s3']);
    // every metric the kind reports for 'all' is also there per speaker (gaps are run-level)
    const perItem = asrKind.metrics(config).filter((m) => m.level !== 'run');
    for (const metric of perItem)
      assert.ok(
        values.some((v) => v.name === metric.name && v.subgroup === 'speaker=s2'),
        metric.name,
      );
    // sessions stay resampling units only
    const withSessions = (await scoredCorpus()).map((i) => ({
      ...i,
      attributes: { ...i.attributes, session: i.itemId },
    }));
    assert.equal(
      asrKind
        .aggregate(withSessions, config, context)
        .some((v) => v.subgroup.startsWith('session=')),
      false,
    );
  });

  it('resamples whole speakers: one speaker holding every word gives a zero-width interval', async () => {
    const instances = (await scoredCorpus()).map((i) => ({
      ...i,
      attributes: { speaker: 'same' },
    }));
    const wer = asrKind.aggregate(instances, config, context).find((v) => v.name === 'wer')!;
    assert.deepEqual([wer.ciLow, wer.ciHigh], [wer.value, wer.value]);
  });

  it('leaves the gap empty with a single accent and declares gaps lower-is-better', async () => {
    const instances = (await scoredCorpus()).slice(0, 2);
    const gap = asrKind
      .aggregate(instances, config, context)
      .find((v) => v.name === 'wer_gap:accent')!;
    assert.deepEqual([gap.value, gap.n], [null, 2]);
    const definition = asrKind.metrics(config).find((m) => m.name === 'wer_gap:accent')!;
    assert.equal(definition.direction, 'lower_is_better');
    assert.equal(definition.itemValue([]), null);
    assert.equal(definition.level, 'run');
  });

  it('gives each item its summed errors over reference words for paired drift tests', async () => {
    const wer = asrKind.metrics(config).find((m) => m.name === 'wer')!;
    assert.deepEqual([wer.statKind, wer.direction], ['ratio', 'lower_is_better']);
    const [u1] = await scoredCorpus();
    assert.deepEqual(wer.itemValue([u1.stats]), { num: 1, den: 5 });
  });
});
