import { proportionMde } from '../stats/minimum-detectable-effect';
import { tostItemsPerGroup, tostToleranceSupported } from '../stats/tost-sample-size';

/** One group of a slice: the items whose attribute has this value (and their reference words). */
export interface GroupSize {
  attribute: string;
  group: string;
  items: number;
  /** Reference words of the group's items (speech slices); absent when items have no transcript. */
  words?: number;
}

/** What the advice assumes: the rates the customer expects, the test's level and power. */
export interface AdviceAssumptions {
  alpha: number;
  power: number;
  /** Expected error, failure or false-rejection rate of a 0/1 outcome (default 0.05). */
  rate: number;
  /** Expected word error rate (default 0.10). */
  wer: number;
  /**
   * Intra-utterance correlation of word errors (default 0.2): words of one utterance fail
   * together, so n words carry the information of n / (1 + (m̄ − 1)·ρ) independent ones (Kish).
   */
  wordCorrelation: number;
  /** Parity tolerance Δ the plan checks, |rate_a − rate_b| < Δ (default 0.01). */
  tolerance: number;
}

export const DEFAULT_ADVICE_ASSUMPTIONS: AdviceAssumptions = {
  alpha: 0.05,
  power: 0.8,
  rate: 0.05,
  wer: 0.1,
  wordCorrelation: 0.2,
  tolerance: 0.01,
};

export interface GroupAdvice {
  group: string;
  items: number;
  words: number | null;
  /** Smallest rise of the rate (5% → 5% + mde) the drift test detects; null: none up to 100%. */
  rateChangeMde: number | null;
  /** Smallest rise of WER the paired drift test detects, words discounted for their correlation. */
  werChangeMde: number | null;
  /** Smallest parity tolerance TOST can show between two groups of this size at the rate. */
  parityToleranceSupported: number | null;
  /** Items per group TOST needs to show parity within the assumed tolerance at the stated power. */
  itemsForTolerance: number | null;
  /** True when the group has at least itemsForTolerance items. */
  enoughForTolerance: boolean;
}

export interface AttributeAdvice {
  attribute: string;
  groups: GroupAdvice[];
}

export interface SampleSizeAdvice {
  assumptions: AdviceAssumptions;
  overall: GroupAdvice;
  attributes: AttributeAdvice[];
  notes: string[];
}

const finite = (x: number | null) => (x === null || !Number.isFinite(x) ? null : x);

/**
 * What a slice's group sizes can show, where a customer decides what to upload: for every group,
 * the smallest rate and WER change its drift test detects at the stated power (one-sided, α), the
 * parity tolerance it supports, and the items TOST needs for the plan's tolerance (the planning
 * size for that power, not the bare minimum at which parity can first be shown).
 */
export function sampleSizeAdvice(
  overall: Omit<GroupSize, 'attribute' | 'group'>,
  groups: readonly GroupSize[],
  assumptions: Partial<AdviceAssumptions> = {},
): SampleSizeAdvice {
  const a = { ...DEFAULT_ADVICE_ASSUMPTIONS, ...assumptions };
  const itemsForTolerance = tostItemsPerGroup({
    rateA: a.rate,
    rateB: a.rate,
    tolerance: a.tolerance,
    alpha: a.alpha,
    power: a.power,
  });
  const advise = (group: string, items: number, words: number | undefined): GroupAdvice => ({
    group,
    items,
    words: words ?? null,
    rateChangeMde: finite(changeMde(items, a.rate, a)),
    werChangeMde:
      words === undefined || words === 0 || items === 0
        ? null
        : finite(changeMde(words / (1 + (words / items - 1) * a.wordCorrelation), a.wer, a)),
    parityToleranceSupported:
      items > 0
        ? finite(
            tostToleranceSupported(
              { rateA: a.rate, rateB: a.rate, alpha: a.alpha, power: a.power },
              items,
            ),
          )
        : null,
    itemsForTolerance,
    enoughForTolerance: itemsForTolerance !== null && items >= itemsForTolerance,
  });
  const byAttribute = new Map<string, GroupAdvice[]>();
  for (const g of groups.filter((g) => isGrouping(g.attribute, groups, overall.items))) {
    const list = byAttribute.get(g.attribute) ?? [];
    list.push(advise(g.group, g.items, g.words));
    byAttribute.set(g.attribute, list);
  }
  return {
    assumptions: a,
    overall: advise('all', overall.items, overall.words),
    attributes: [...byAttribute.entries()].map(([attribute, list]) => ({
      attribute,
      groups: list.sort((x, y) => x.group.localeCompare(y.group)),
    })),
    notes: [
      `MDE: the smallest rise detected with ${a.power * 100}% power by a one-sided test at α = ${a.alpha} from rate ${a.rate} (WER ${a.wer}, words discounted for intra-utterance correlation ${a.wordCorrelation}), outcomes changing independently between runs.`,
      `Parity: TOST within ±${a.tolerance} at equal rates of ${a.rate}; itemsForTolerance is the planning size for ${a.power * 100}% power.`,
    ],
  };
}

/**
 * A breakdown worth advising on: more than one value (one value is 'all' again) and not a value
 * per item (an id or a speaker per utterance groups nothing).
 */
function isGrouping(attribute: string, groups: readonly GroupSize[], items: number): boolean {
  const values = groups.filter((g) => g.attribute === attribute).length;
  return values > 1 && (values < items || items <= 1);
}

/**
 * Rise of a rate p over n units between two runs whose outcomes change independently (then the
 * paired test has the power of the two-sample one): proportionMde with n on both sides. Units
 * that fail together in both runs make the paired test stronger, so this errs on the safe side.
 */
function changeMde(n: number, rate: number, a: AdviceAssumptions): number {
  if (!(n >= 1)) return Number.POSITIVE_INFINITY;
  return proportionMde({ rate, nCurrent: n, nBaseline: n }, { alpha: a.alpha, power: a.power });
}
