import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng, standardNormal } from '@lastmile/metrics';
import type { ScenarioItem, ScoredInstance } from '../../scenario-kind';
import { asrKind } from './asr.kind';

const RATE = 16_000;

interface ScoringProvenance {
  normalizer: { name: string; version: string; id: string; source: string | undefined };
  costs: string;
  cerCountSpaces: boolean;
  glm: string | null;
}
const context = { seed: 5 };

/** A 16-bit mono PCM WAV of the samples. */
function wav(samples: Float32Array): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((v, i) =>
    data.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(v * 32768))), i * 2),
  );
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/**
 * Three seconds of speech-like noise bursts (0.3 s on, 0.2 s off) over a faint background,
 * optionally with a 1 kHz hum: the ward after the new equipment arrived.
 */
function recording(seed: number, hum: boolean): Buffer {
  const rng = createRng(seed);
  return wav(
    Float32Array.from({ length: 3 * RATE }, (_, i) => {
      const t = i / RATE;
      const voiced =
        t % 0.5 < 0.3 ? 0.1 * standardNormal(rng) * Math.sin((Math.PI * (t % 0.5)) / 0.3) : 0;
      const room = 0.001 * standardNormal(rng);
      return voiced + room + (hum ? 0.02 * Math.sin(2 * Math.PI * 1000 * t) : 0);
    }),
  );
}

function unlabelled(
  id: string,
  ward: string,
  speaker: string,
  hum: boolean,
  seed: number,
): ScenarioItem {
  const audio = { data: recording(seed, hum), mimeType: 'audio/wav', filename: `${id}.wav` };
  return { id, attributes: { ward, speaker }, audio };
}

const ITEMS: [ScenarioItem, string][] = [
  [unlabelled('m1', 'a', 's1', false, 1), 'take a deep breath'],
  [unlabelled('m2', 'a', 's2', false, 2), 'hold it for me'],
  [unlabelled('m3', 'b', 's3', true, 3), ''],
  [unlabelled('m4', 'b', 's4', true, 4), 'breath'],
];

async function scored(config = asrKind.configSchema.parse({})): Promise<ScoredInstance[]> {
  const out: ScoredInstance[] = [];
  for (const [item, response] of ITEMS) {
    const stats = await asrKind.score(item, response, config, context);
    out.push({ itemId: item.id, sample: 0, attributes: item.attributes, stats });
  }
  return out;
}

describe('asr kind on unlabelled recordings (a monitoring slice)', () => {
  it('scores items without a reference with label-free stats only', async () => {
    const [m1, , m3] = (await scored()).map((i) => i.stats);
    assert.equal(m1.errors, undefined);
    assert.equal(m1.hypothesis, 'take a deep breath');
    assert.deepEqual(
      [m1.acousticError, m1.durationSeconds, m1.tonalPeak, m1.tonalPeakHz],
      [null, 3, 0, null],
    );
    assert.deepEqual([m3.tonalPeak, m3.emptyTranscript, m3.transcriptWords], [1, 1, 0]);
    assert.ok(Math.abs((m3.tonalPeakHz as number) - 1000) < 0.5);
    assert.ok((m1.snrDb as number) > (m3.snrDb as number) + 10, `${m1.snrDb} vs ${m3.snrDb}`);
    // 0.3 s of every 0.5 s is voiced
    assert.ok(Math.abs((m1.speechRatio as number) - 0.6) < 0.1, `speech ratio ${m1.speechRatio}`);
  });

  it('aggregates the signals per group with intervals, the hum ward standing out', async () => {
    const values = asrKind.aggregate(await scored(), asrKind.configSchema.parse({}), context);
    const get = (name: string, subgroup: string) =>
      values.find((v) => v.name === name && v.subgroup === subgroup)!;
    assert.deepEqual(
      [get('tonal_peak_rate', 'ward=a').value, get('tonal_peak_rate', 'ward=b').value],
      [0, 1],
    );
    assert.deepEqual(
      [get('empty_transcript_rate', 'all').value, get('empty_transcript_rate', 'ward=b').value],
      [0.25, 0.5],
    );
    assert.equal(get('hyp_words', 'ward=a').value, 4);
    assert.ok(get('snr_db', 'ward=a').value! > get('snr_db', 'ward=b').value! + 10);
    assert.ok(get('tonal_peak_prominence_db', 'ward=b').value! >= 20);
    const tone = get('tonal_peak_hz', 'all');
    assert.deepEqual([Math.round(tone.value!), tone.n], [1000, 2]);
    // Nothing to compare with: word metrics are absent, not 0 and not a null row.
    assert.deepEqual(
      values.filter(
        (v) =>
          ['wer', 'cer', 'wer_gap:accent'].includes(v.name) ||
          (v.name.endsWith('_rate') && v.name.startsWith('sub')),
      ),
      [],
    );
    for (const v of values.filter((x) => x.subgroup === 'all' && x.value !== null && x.n > 1))
      assert.ok(v.ciLow! <= v.value! && v.value! <= v.ciHigh!, v.name);
    // per speaker too: one recording each here, so each interval is its one value
    const speaker = get('hyp_words', 'speaker=s2');
    assert.deepEqual([speaker.value, speaker.ciLow, speaker.ciHigh, speaker.n], [4, 4, 4, 1]);
    assert.deepEqual(
      [
        get('empty_transcript_rate', 'speaker=s3').value,
        get('tonal_peak_rate', 'speaker=s4').value,
      ],
      [1, 1],
    );
  });

  it('declares directions and stat kinds the drift layer can test', () => {
    const metrics = new Map(
      asrKind.metrics(asrKind.configSchema.parse({})).map((m) => [m.name, m]),
    );
    // [direction, stat kind, unit, two-sided, descriptive]
    const shape = (name: string) => {
      const m = metrics.get(name)!;
      assert.equal(m.signal, 'condition', name);
      return [
        m.direction,
        m.statKind,
        m.unit ?? 'rate',
        m.twoSided ?? false,
        m.descriptive ?? false,
      ];
    };
    assert.deepEqual(shape('snr_db'), ['higher_is_better', 'mean', 'db', false, false]);
    assert.deepEqual(shape('clipping_rate'), ['lower_is_better', 'mean', 'rate', false, false]);
    assert.deepEqual(shape('tonal_peak_prominence_db'), [
      'lower_is_better',
      'mean',
      'db',
      false,
      false,
    ]);
    assert.deepEqual(shape('tonal_peak_rate'), [
      'lower_is_better',
      'proportion',
      'rate',
      false,
      false,
    ]);
    assert.deepEqual(shape('empty_transcript_rate'), [
      'lower_is_better',
      'proportion',
      'rate',
      false,
      false,
    ]);
    assert.deepEqual(shape('confidence'), ['higher_is_better', 'mean', 'score', false, false]);
    // No better side: tested for a change either way.
    assert.deepEqual(shape('rms_dbfs'), ['higher_is_better', 'mean', 'dbfs', true, false]);
    assert.deepEqual(shape('speech_ratio'), ['higher_is_better', 'mean', 'rate', true, false]);
    assert.deepEqual(shape('words_per_second'), [
      'higher_is_better',
      'ratio',
      'words_per_second',
      true,
      false,
    ]);
    assert.deepEqual(shape('hyp_words'), ['higher_is_better', 'mean', 'count', true, false]);
    assert.deepEqual(shape('duration_seconds'), [
      'higher_is_better',
      'mean',
      'seconds',
      true,
      false,
    ]);
    // Only where a tone exists: described, never tested.
    assert.deepEqual(shape('tonal_peak_hz'), ['lower_is_better', 'mean', 'hz', false, true]);
    const none = asrKind.metrics(asrKind.configSchema.parse({ labelFreeSignals: false }));
    assert.equal(
      none.some((m) => m.name === 'snr_db'),
      false,
    );
  });

  it("reads the recognizer's confidence from a JSON response", async () => {
    const config = asrKind.configSchema.parse({ response: 'json' });
    const [item] = ITEMS[0];
    const stats = await asrKind.score(
      item,
      '{"text": "take a breath", "confidence": 0.75}',
      config,
      context,
    );
    assert.deepEqual(
      [stats.confidence, stats.hypothesis, stats.transcriptWords],
      [0.75, 'take a breath', 3],
    );
    await assert.rejects(
      asrKind.score(item, '{"text": "x", "confidence": 7}', config, context),
      /\[0, 1\]/,
    );
    await assert.rejects(asrKind.score(item, 'plain words', config, context), /not JSON/);
    // a labelled item keeps the transcript it was scored on, not only the JSON it came in
    const labelled = { ...item, references: ['take a deep breath'] };
    const scored = await asrKind.score(
      labelled,
      '{"text": "take a breath", "confidence": 0.5}',
      config,
      context,
    );
    assert.deepEqual(
      [scored.hypothesis, scored.deletions, scored.confidence],
      ['take a breath', 1, 0.5],
    );
  });
});

describe('asr kind with a named normalizer and GLM alternates', () => {
  const item: ScenarioItem = {
    id: 'bp',
    references: ['Blood pressure is one hundred and forty over ninety, okay?'],
    attributes: {},
  };
  const hypothesis = 'blood pressure is 140 over 90 ok';

  it('scores with english-v1 and keeps raw and normalized texts', async () => {
    const config = asrKind.configSchema.parse({
      normalizer: 'english-v1',
      labelFreeSignals: false,
    });
    const stats = await asrKind.score({ ...item, audio: null }, hypothesis, config, context);
    // "… 140 over 90 okay" against "… 140 over 90 ok": one substitution
    assert.deepEqual([stats.errors, stats.substitutions, stats.refWords], [1, 1, 7]);
    assert.equal(stats.normalizer, 'english-v1@1');
    assert.equal(stats.referenceNormalized, 'blood pressure is 140 over 90 okay');
    assert.equal(stats.reference, item.references![0]);
    assert.equal(stats.hypothesisNormalized, hypothesis);
  });

  it('accepts a GLM alternate as SCTK would, and refuses a malformed GLM at config time', async () => {
    const glm = ';;\nOKAY => {OK / OKAY} / [ ] __ [ ]\nOK => {OK / OKAY} / [ ] __ [ ]\n';
    const config = asrKind.configSchema.parse({
      normalizer: 'english-v1',
      glm,
      labelFreeSignals: false,
    });
    const stats = await asrKind.score(item, hypothesis, config, context);
    assert.deepEqual([stats.errors, stats.refWords], [0, 7]);
    assert.match(String(stats.normalizer), /^english-v1@1\+glm:unnamed#[0-9a-f]{8}$/);
    assert.equal(stats.referenceFiltered, 'blood pressure is 140 over 90 {ok / okay}');
    assert.throws(() => asrKind.configSchema.parse({ glm: ';;\nOKAY OK\n' }), /GLM line 2: no/);
    assert.throws(() => asrKind.configSchema.parse({ glm, costs: 'unit' }), /sclite costs only/);
  });

  it("applies the slice's alternates.glm, which wins over the scenario's glm", async () => {
    const scenarioGlm = ';;\nBLOOD => {BLOOD / BLUD} / [ ] __ [ ]\n';
    const sliceGlm = ';;\nOKAY => {OK / OKAY} / [ ] __ [ ]\n';
    const config = asrKind.configSchema.parse({
      normalizer: 'english-v1',
      glm: scenarioGlm,
      labelFreeSignals: false,
    });
    const plain = await asrKind.score(item, 'blud pressure is 140 over 90 ok', config, context);
    assert.deepEqual([plain.errors, plain.substitutions], [1, 1]); // ok ≠ okay without the slice's
    const withSlice = { ...item, alternates: sliceGlm };
    const stats = await asrKind.score(
      withSlice,
      'blood pressure is 140 over 90 ok',
      config,
      context,
    );
    assert.deepEqual([stats.errors, stats.refWords], [0, 7]);
    assert.equal(stats.referenceFiltered, 'blood pressure is 140 over 90 {ok / okay}');
    const unit = asrKind.configSchema.parse({ costs: 'unit', labelFreeSignals: false });
    await assert.rejects(asrKind.score(withSlice, 'ok', unit, context), /sclite costs only/);
  });

  it('declares its normalizer, costs and GLM as scoring provenance', () => {
    const provenance = (config: Record<string, unknown>) =>
      asrKind.scoringProvenance!(
        asrKind.configSchema.parse(config),
      ) as unknown as ScoringProvenance;
    const plain = provenance({});
    assert.deepEqual(
      { ...plain, normalizer: { ...plain.normalizer, source: undefined } },
      {
        normalizer: {
          name: 'lastmile-norm-v1',
          version: 'nfc,lower,strip-punct,collapse-ws',
          id: 'lastmile-norm-v1:nfc,lower,strip-punct,collapse-ws',
          source: undefined,
        },
        costs: 'sclite',
        cerCountSpaces: false,
        glm: null,
      },
    );
    assert.match(String(plain.normalizer.source), /^lastmile transcript-normalizer\.ts \{/);
    const english = provenance({ normalizer: 'english-v1' });
    assert.deepEqual(
      [english.normalizer.id, english.normalizer.name, english.normalizer.version],
      ['english-v1@1', 'english-v1', '1'],
    );
    assert.match(
      String(english.normalizer.source),
      /openai\/whisper@c0d2f62.*EnglishTextNormalizer/,
    );
    assert.notDeepEqual(provenance({ normalizer: 'basic' }), english);
    const glm = ';;\n* name "ward"\nOKAY => {OK / OKAY} / [ ] __ [ ]\n';
    assert.match(String(provenance({ glm }).glm), /^glm:ward#[0-9a-f]{8}$/);
  });
});
