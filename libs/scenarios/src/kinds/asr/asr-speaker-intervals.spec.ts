import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng, standardNormal } from '@lastmile/metrics';
import type { InstanceStats, MetricDefinition } from '../../scenario-kind';
import { type Contribution, estimate } from '../../support/estimate';
import { contributionsOf } from '../../support/item-metrics';
import type { ItemSamples } from '../../support/item-samples';
import { labelFreeMetrics, wordMetrics } from './asr-metrics';

// Seeded simulation: 30 speakers × 4 utterances, with effects shared by a speaker's
// utterances. The 95% intervals the asr kind reports are built as the kind builds them
// (contributionsOf + estimate), by whole speakers and, for comparison, by single utterances.
// The percentile bootstrap over 30 speakers runs a little under 95% (about 93%), as expected
// for that few clusters; utterance-level intervals are far too narrow.
const SPEAKERS = 30;
const PER_SPEAKER = 4;
const CORPORA = 400;
const RESAMPLES = 400;

type Truth = { stat: (rng: () => number) => (speaker: number) => InstanceStats; value: number };

const TRUTHS: Record<string, Truth> = {
  // WER: speakers differ a lot (rate 0.03–0.27), 10–40 words per utterance
  wer: {
    value: 0.15,
    stat: (rng) => {
      const rates = Array.from({ length: SPEAKERS }, () => 0.15 * (0.2 + 1.6 * rng()));
      return (s) => {
        const refWords = 10 + Math.floor(rng() * 31);
        let errors = 0;
        for (let w = 0; w < refWords; w++) if (rng() < rates[s]) errors++;
        return { errors, refWords };
      };
    },
  },
  // SNR: a speaker's room or device sets most of it (sd 5 dB), the utterance adds 2 dB
  snr_db: {
    value: 15,
    stat: (rng) => {
      const rooms = Array.from({ length: SPEAKERS }, () => 15 + 5 * standardNormal(rng));
      return (s) => ({ snrDb: rooms[s] + 2 * standardNormal(rng) });
    },
  },
  // empty transcripts: a quarter of the speakers lose 40% of their utterances, the rest none
  empty_transcript_rate: {
    value: 0.1,
    stat: (rng) => {
      const rates = Array.from({ length: SPEAKERS }, () => (rng() < 0.25 ? 0.4 : 0));
      return (s) => ({ emptyTranscript: rng() < rates[s] ? 1 : 0 });
    },
  },
};

const DEFINITIONS = new Map<string, MetricDefinition>(
  [...wordMetrics(), ...labelFreeMetrics()].map((m) => [m.name, m]),
);

function coverage(name: string, blocks: string[]): number {
  const definition = DEFINITIONS.get(name)!;
  const truth = TRUTHS[name];
  const rng = createRng(1600 + name.length);
  let covered = 0;
  for (let corpus = 0; corpus < CORPORA; corpus++) {
    const draw = truth.stat(rng);
    const items: ItemSamples[] = [];
    for (let s = 0; s < SPEAKERS; s++) {
      for (let u = 0; u < PER_SPEAKER; u++) {
        items.push({ itemId: `s${s}-u${u}`, attributes: { speaker: `s${s}` }, samples: [draw(s)] });
      }
    }
    const contributions: Contribution[] = contributionsOf(definition, items, blocks);
    const { ciLow, ciHigh } = estimate(definition.statKind, contributions, corpus, RESAMPLES);
    if (ciLow! <= truth.value && truth.value <= ciHigh!) covered++;
  }
  return covered / CORPORA;
}

describe('asr intervals with speakers (blockwise bootstrap)', () => {
  for (const name of Object.keys(TRUTHS)) {
    it(`${name}: resampling whole speakers covers about 95%, single utterances under-cover`, (t) => {
      const bySpeaker = coverage(name, ['speaker']);
      const byUtterance = coverage(name, []);
      t.diagnostic(
        `${name}: by speaker ${bySpeaker.toFixed(3)}, by utterance ${byUtterance.toFixed(3)}`,
      );
      assert.ok(bySpeaker >= 0.91 && bySpeaker <= 0.98, `by speaker ${bySpeaker}`);
      assert.ok(byUtterance < 0.9, `by utterance ${byUtterance}`);
    });
  }
});
