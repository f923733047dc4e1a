import { createRng, lordPlusPlus, uniformGamma } from '@lastmile/metrics';
import { firstSampleProportion } from '../item-metrics';
import { matchesPredicate, type Predicate } from './predicate';
import { parsePredicate } from './predicate-parser';
import { testSubset, type SubsetPool } from './subset-test';

// A bounty program in miniature: a sealed pool of speech-like items with four attributes, a model
// right 80% of the time, researchers submitting subsets, LORD++ deciding each in turn.

export const ATTRIBUTES: Record<string, string[]> = {
  accent: ['en-us', 'en-gb', 'en-in', 'en-029', 'en-au', 'en-ng'],
  noise: ['none', 'hum', 'traffic', 'babble'],
  device: ['phone', 'headset', 'far-field'],
  gender: ['f', 'm'],
};

const NAMES = Object.keys(ATTRIBUTES).sort();

export const PLANTED = 'accent = "en-029"';
const definition = firstSampleProportion('exact_match', 'higher_is_better');

export interface SimulationSettings {
  poolSize: number;
  accuracy: number;
  /** Accuracy lost on the planted subset (0: no real effect anywhere). */
  plantedDrop: number;
  submissions: number;
  alpha: number;
  minEffect: number;
  minItems: number;
}

const pick = <T>(values: readonly T[], rng: () => number) =>
  values[Math.floor(rng() * values.length)];

/**
 * A pool whose outcomes depend on the attributes only through the planted subset, built cell by
 * cell (one cell per combination of values) as `subsetPool` would build it from items.
 */
export function simulatedPool(settings: SimulationSettings, rng: () => number): SubsetPool {
  const cells = new Map<string, SubsetPool['cells'][number]>();
  for (let i = 0; i < settings.poolSize; i++) {
    const attributes: Record<string, string> = {};
    for (const name of NAMES) attributes[name] = pick(ATTRIBUTES[name], rng);
    const key = NAMES.map((name) => attributes[name]).join('\u0000');
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { attributes, contributions: [], successes: 0 }));
    const p = settings.accuracy - (attributes.accent === 'en-029' ? settings.plantedDrop : 0);
    const correct = rng() < p ? 1 : 0;
    cell.contributions.push(correct ? RIGHT : WRONG);
    cell.successes += correct;
  }
  return { definition, cells: [...cells.values()], items: settings.poolSize };
}

const RIGHT = { num: 1, den: 1 };
const WRONG = { num: 0, den: 1 };

/** A random subset definition of one to three conditions, as a researcher might write it. */
export function randomPredicate(rng: () => number): string {
  const conditions = Array.from({ length: 1 + Math.floor(rng() * 3) }, () => {
    const attribute = pick(Object.keys(ATTRIBUTES), rng);
    const values = ATTRIBUTES[attribute];
    const roll = rng();
    if (roll < 0.5) return `${attribute} = "${pick(values, rng)}"`;
    if (roll < 0.75) return `${attribute} != "${pick(values, rng)}"`;
    return `${attribute} IN ("${pick(values, rng)}", "${pick(values, rng)}")`;
  });
  return conditions.join(rng() < 0.7 ? ' AND ' : ' OR ');
}

export interface StreamOutcome {
  accepted: number;
  falseAccepted: number;
  plantedAccepted: boolean | null;
}

/**
 * One program: `submissions` subsets (random ones, too-small ones redrawn; with the planted
 * subset at a random place when `plantedDrop` > 0), tested against their complements and decided
 * by LORD++ with γ uniform over the program's budget.
 */
export function simulateStream(settings: SimulationSettings, seed: number): StreamOutcome {
  const rng = createRng(seed);
  const pool = simulatedPool(settings, rng);
  const plantedAt = settings.plantedDrop > 0 ? Math.floor(rng() * settings.submissions) : -1;
  const tests: { pWorse: number; planted: boolean; trulyWorse: boolean }[] = [];
  while (tests.length < settings.submissions) {
    const planted = tests.length === plantedAt;
    const source = planted ? PLANTED : randomPredicate(rng);
    const predicate = parsePredicate(source);
    const result = testSubset(pool, predicate, {
      minEffect: settings.minEffect,
      minItems: settings.minItems,
      seed,
    });
    if (result.status !== 'tested') continue;
    // A random subset overlapping the planted one may be truly worse too: an acceptance is false
    // only when the subset's true shortfall is at most minEffect (the null it tests).
    const trulyWorse =
      settings.plantedDrop > 0 && trueShortfall(pool, predicate, settings) > settings.minEffect;
    tests.push({ pWorse: result.pWorse, planted, trulyWorse });
  }
  const steps = lordPlusPlus(
    tests.map((t) => t.pWorse),
    { alpha: settings.alpha, gamma: uniformGamma(settings.submissions) },
  );
  const accepted = steps.filter((s) => s.rejected).length;
  return {
    accepted,
    falseAccepted: steps.filter((s, i) => s.rejected && !tests[i].trulyWorse).length,
    plantedAccepted: plantedAt < 0 ? null : steps[plantedAt].rejected,
  };
}

/** The subset's expected accuracy below its complement's, from the model's true accuracies. */
function trueShortfall(
  pool: SubsetPool,
  predicate: Predicate,
  settings: SimulationSettings,
): number {
  const sums = { in: [0, 0], out: [0, 0] };
  for (const cell of pool.cells) {
    const p = settings.accuracy - (cell.attributes.accent === 'en-029' ? settings.plantedDrop : 0);
    const side = matchesPredicate(predicate, cell.attributes) ? sums.in : sums.out;
    side[0] += p * cell.contributions.length;
    side[1] += cell.contributions.length;
  }
  return sums.out[0] / sums.out[1] - sums.in[0] / sums.in[1];
}
