import { betweenRunSd } from '@lastmile/metrics';
import type { MetricDefinition, MetricDirection } from '@lastmile/scenarios';
/**
 * CUSUM, the slow-drift detector, steps on subgroups of at least this many items: a standardized
 * step on fewer is mostly noise, and the small-n drift test already covers small groups.
 */
export const CUSUM_MIN_ITEMS = 10;
import { pointValue, rateStandardErrorFloor, standardError } from './item-value-stats';
import type { ItemValues } from './item-value-columns';
import { badSign } from './bad-direction';
import { effectScale } from './condition-effect';

/** In-control average run length wanted of the slow-drift detector: one false alarm per ~200 runs. */
export const CUSUM_TARGET_ARL = 200;
/** Reference value K = kσ: tuned to a shift of 1σ of the standardized metric. */
export const CUSUM_K = 0.5;
/**
 * Decision threshold H = hσ: chooseCusumThreshold({ targetArl: 200, k: 0.5, seed: 20240601,
 * runs: 4000 }) gives h = 3.492 (simulated in-control ARL 200.4 for N(0, 1) observations);
 * cusum-monitor.spec.ts re-runs that simulation, so the constant cannot drift from it.
 */
export const CUSUM_H = 3.492;

/** What baselines.cusum holds for one (plan, slice, subgroup, metric). */
export interface CusumState {
  /** S_t in σ units, on the bad side of the target. */
  s: number;
  /** Consecutive runs since S was last 0: the length of the excursion, to estimate the shift. */
  run: number;
  /** Runs observed. */
  t: number;
  /** Target μ₀ and σ the last observation was standardized with. */
  target: number;
  sd: number;
  h: number;
  k: number;
  /** Last observation, raw and standardized. */
  x: number;
  z: number;
  /** A two-sided signal's second CUSUM, on decreases (s and run then watch increases). */
  sLow?: number;
  runLow?: number;
}

export interface CusumObservation {
  /** The metric in this run. */
  value: number;
  /** Baseline value μ₀. */
  target: number;
  /** One run's σ around μ₀: max(between-run SD, item-level SE) of the baseline. */
  sd: number;
  direction: MetricDirection;
  minEffect: number;
}

export interface CusumStep {
  state: CusumState;
  /** S > h and the estimated shift is at least minEffect. */
  alarm: boolean;
  /** Estimated sustained shift in the bad direction, metric units: (k + S/run)·σ. */
  shift: number;
  /** A two-sided signal's alarm (or larger excursion): an increase or a decrease. */
  side?: 'increase' | 'decrease';
}

/**
 * One step of the one-sided tabular CUSUM on z = ±(x − μ₀)/σ (sign: bad direction):
 * S_t = max(0, S_{t−1} + z_t − k). It alarms while S > h and the excursion's mean shift
 * reaches the plan's minimum effect. S is capped at 2h so that a return to control clears the
 * alarm within about h/k runs. σ is floored at minEffect/2: a baseline with no spread at all
 * (every item identical) still needs a change of the order of minEffect.
 */
export function stepCusum(
  previous: Partial<CusumState> | undefined,
  observation: CusumObservation,
): CusumStep {
  const h = CUSUM_H;
  const k = CUSUM_K;
  const sd = Math.max(observation.sd, observation.minEffect / 2, 1e-9);
  const z = (badSign(observation.direction) * (observation.value - observation.target)) / sd;
  const prior = Number.isFinite(previous?.s) ? previous!.s! : 0;
  const s = Math.min(2 * h, Math.max(0, prior + z - k));
  const run = s === 0 ? 0 : (previous?.run ?? 0) + 1;
  const shift = run === 0 ? 0 : (k + s / run) * sd;
  const state: CusumState = {
    s,
    run,
    t: (previous?.t ?? 0) + 1,
    target: observation.target,
    sd,
    h,
    k,
    x: observation.value,
    z,
  };
  return { state, alarm: s > h && shift >= observation.minEffect, shift };
}

/**
 * Two one-sided CUSUMs for a signal with no better side (Page 1954; Montgomery's two-sided
 * tabular CUSUM): S⁺ on increases in `s`/`run`, S⁻ on decreases in `sLow`/`runLow`, each with
 * the same k and h. It alarms when either does; the side and shift are the alarming one's (the
 * larger excursion when both or neither do). Each side is the one-sided chart, so each has an
 * in-control ARL of about 200 runs and the pair about 100.
 */
export function stepTwoSidedCusum(
  previous: Partial<CusumState> | undefined,
  observation: Omit<CusumObservation, 'direction'>,
): CusumStep {
  const up = stepCusum(previous, { ...observation, direction: 'lower_is_better' });
  const down = stepCusum(
    { s: previous?.sLow, run: previous?.runLow },
    { ...observation, direction: 'higher_is_better' },
  );
  const decrease = down.alarm === up.alarm ? down.state.s > up.state.s : down.alarm;
  const chosen = decrease ? down : up;
  return {
    state: { ...up.state, sLow: down.state.s, runLow: down.state.run },
    alarm: up.alarm || down.alarm,
    shift: chosen.shift,
    side: decrease ? 'decrease' : 'increase',
  };
}

/** The state after a drift test reported the change: both sides start over. */
export function restartedCusum(state: CusumState): CusumState {
  return { ...state, s: 0, run: 0, ...(state.sLow === undefined ? {} : { sLow: 0, runLow: 0 }) };
}

export interface BaselineCusumInput {
  metric: Pick<MetricDefinition, 'statKind' | 'direction' | 'twoSided' | 'signal' | 'unit'>;
  /** The baseline's pooled items, its value μ₀ and its per-run values. */
  baselineItems: ItemValues;
  baselineValue: number;
  runValues: readonly number[];
  /** The stored state (baselines.cusum). */
  state: Partial<CusumState> | undefined;
  currentItems: ItemValues;
  minEffect: number;
}

/**
 * The CUSUM step of one (slice, subgroup, metric) for a run: the run's value standardized by
 * σ = max(between-run SD, item-level SE, smoothed binomial SE for rates) of the baseline. Null
 * when either side has fewer than CUSUM_MIN_ITEMS items. A condition signal's minEffect is read
 * in its own units (effectScale); a signal with no better side gets both CUSUMs.
 */
export function stepBaselineCusum(input: BaselineCusumInput): CusumStep | null {
  const { metric, baselineItems, currentItems } = input;
  if (baselineItems.size < CUSUM_MIN_ITEMS || currentItems.size < CUSUM_MIN_ITEMS) return null;
  const value = pointValue(metric.statKind, currentItems);
  if (value === null) return null;
  const sd = Math.max(
    betweenRunSd(input.runValues),
    standardError(metric.statKind, baselineItems),
    rateStandardErrorFloor(metric.statKind, baselineItems),
  );
  const observation = {
    value,
    target: input.baselineValue,
    sd,
    minEffect: input.minEffect * effectScale(metric, input.baselineValue),
  };
  return metric.twoSided
    ? stepTwoSidedCusum(input.state, observation)
    : stepCusum(input.state, { ...observation, direction: metric.direction });
}
