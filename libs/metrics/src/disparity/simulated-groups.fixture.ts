import { createRng } from '../stats/rng';
import { binomialDraw } from '../stats/simulated-corpus.fixture';
import type { DisparityRecord } from './disparity.types';

/** A group of utterances: its word error rate in the baseline and its change since. */
export interface SimulatedGroup {
  name: string;
  baseRate: number;
  change: number;
}

/**
 * Short utterances as the demo slices have them: 4–12 reference words (8 on average), each
 * utterance's rate its group's times U(0.5, 1.5), and its change the group's times another
 * U(0.5, 1.5); errors drawn Binomial(words, rate) in each run. Expected change of a group's corpus
 * WER = its `change`. One cluster per utterance unless `speakersPerGroup` is given.
 */
export function simulateGroups(
  seed: number,
  groups: readonly SimulatedGroup[],
  itemsPerGroup: number,
  speakersPerGroup?: number,
): DisparityRecord[] {
  const rng = createRng(seed);
  const records: DisparityRecord[] = [];
  for (const group of groups) {
    for (let i = 0; i < itemsPerGroup; i++) {
      const words = 4 + Math.floor(rng() * 9);
      const rate = group.baseRate * (0.5 + rng());
      const after = Math.min(1, Math.max(0, rate + group.change * (0.5 + rng())));
      records.push({
        itemId: `${group.name}-${i}`,
        group: group.name,
        ...(speakersPerGroup ? { cluster: `${group.name}-s${i % speakersPerGroup}` } : {}),
        baseline: { num: binomialDraw(rng, words, rate), den: words },
        current: { num: binomialDraw(rng, words, after), den: words },
      });
    }
  }
  return records;
}
