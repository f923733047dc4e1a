import { performance } from 'node:perf_hooks';
import {
  type RatioItem,
  bootstrapRatioInterval,
  compareToBaseline,
  createRng,
  pairedRatioDifferenceDraws,
} from '@lastmile/metrics';
import { formatTable, round, writeResults } from '../support/report';

// Benchmark, not a test: bootstrap of corpus WER, 2,000 resamples over 1,000 utterances.
// Goal: under 1 s. The resampling loop runs on Float64Arrays and allocates nothing per resample.
const UTTERANCES = 1000;
const RESAMPLES = 2000;
const REPEATS = 7;
const GOAL_MS = 1000;

/** A corpus of 10–40-word utterances with a word error rate around 15%. */
function corpus(seed: number, errorRate: number): Map<string, RatioItem> {
  const rng = createRng(seed);
  const items = new Map<string, RatioItem>();
  for (let i = 0; i < UTTERANCES; i++) {
    const den = 10 + Math.floor(rng() * 31);
    let num = 0;
    for (let w = 0; w < den; w++) if (rng() < errorRate) num++;
    items.set(`utt-${i}`, { num, den, group: `spk-${i % 100}` });
  }
  return items;
}

function withoutGroups(items: Map<string, RatioItem>): Map<string, RatioItem> {
  return new Map([...items].map(([id, { num, den }]) => [id, { num, den }]));
}

function medianMs(run: () => unknown): number {
  run(); // warm-up: let the JIT compile the resampling loop
  const times = Array.from({ length: REPEATS }, () => {
    const start = performance.now();
    run();
    return performance.now() - start;
  });
  return times.sort((a, b) => a - b)[Math.floor(REPEATS / 2)];
}

function main(): void {
  const baseline = corpus(1, 0.15);
  const current = corpus(2, 0.16);
  const items = [...baseline.values()];
  const ungrouped = items.map(({ num, den }) => ({ num, den }));
  const paired = items.map((b, i) => ({ baseline: b, current: current.get(`utt-${i}`)! }));
  const options = { seed: 7, resamples: RESAMPLES };
  const rows = [
    {
      what: 'corpus WER interval (utterances)',
      ms: medianMs(() => bootstrapRatioInterval(ungrouped, options)),
    },
    {
      what: 'corpus WER interval (100 speakers, blockwise)',
      ms: medianMs(() => bootstrapRatioInterval(items, options)),
    },
    {
      what: 'paired ΔWER draws (utterances)',
      ms: medianMs(() => pairedRatioDifferenceDraws(paired, 7, RESAMPLES)),
    },
    {
      what: 'compareToBaseline, paired WER (utterances, incl. id matching)',
      ms: medianMs(() =>
        compareToBaseline({
          kind: 'ratio',
          direction: 'lower_is_better',
          baseline: withoutGroups(baseline),
          current: withoutGroups(current),
          ...options,
        }),
      ),
    },
  ];
  console.log(
    `bootstrap: ${UTTERANCES} utterances × ${RESAMPLES} resamples, median of ${REPEATS} runs`,
  );
  console.log(
    formatTable(
      ['what', 'ms'],
      rows.map((r) => [r.what, round(r.ms, 1)]),
    ),
  );
  const headline = rows[0].ms;
  console.log(
    `measured ${round(headline, 1)} ms for the corpus WER bootstrap; goal < ${GOAL_MS} ms: ${headline < GOAL_MS ? 'met' : 'MISSED'}`,
  );
  const path = writeResults('bootstrap', {
    utterances: UTTERANCES,
    resamples: RESAMPLES,
    goalMs: GOAL_MS,
    rows,
  });
  console.log(`results: ${path}`);
}

main();
