import type { ModelRequest } from '@lastmile/adapters';
import type { z } from 'zod';
import type { JudgeClient } from './judges/judge-client';

/** One thing to evaluate: a row of a slice or of a kind's built-in data. */
export interface ScenarioItem {
  id: string;
  input?: string | null;
  references?: string[] | null;
  label?: string | null;
  choices?: string[] | null;
  attributes: Record<string, string>;
  audio?: { data: Buffer; mimeType: string; filename: string } | null;
  /** The slice's SCTK GLM of accepted alternates (its alternates.glm), when it has one. */
  alternates?: string | null;
}

/** What the runner sends through a model adapter: the adapters' own request type, one declaration. */
export type ScenarioRequest = ModelRequest;

/** Per-instance numbers a kind's scorer produces, stored as instance_results.stats. */
export type InstanceStats = Record<string, number | string | boolean | null>;

export interface ScoredInstance {
  itemId: string;
  sample: number;
  attributes: Record<string, string>;
  stats: InstanceStats;
}

export type MetricDirection = 'higher_is_better' | 'lower_is_better';

/**
 * How a metric is tested for drift: proportion (per item num/den = correct/1, exact McNemar when
 * paired), ratio (errors/words summed over items: corpus WER) or mean (per-item value).
 */
export type MetricStatKind = 'proportion' | 'ratio' | 'mean';

/**
 * What a metric's number measures, so it is shown as what it is: 'rate' a fraction of items,
 * words or answers (shown as a percent); 'count' a number of things (citations per answer, words);
 * 'ratio' a quotient that is not a share of a whole (a prefix over the reference's length);
 * 'score' a value on a scale of its own (F1, a judge's score, a bias score, a correlation);
 * 'z' a z statistic; 'db' and 'dbfs' decibels (a ratio; relative to full scale); 'seconds', 'hz',
 * 'words_per_second' physical units.
 */
export const METRIC_UNITS = [
  'rate',
  'count',
  'ratio',
  'score',
  'z',
  'db',
  'dbfs',
  'seconds',
  'hz',
  'words_per_second',
] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

export interface MetricDefinition {
  name: string;
  direction: MetricDirection;
  statKind: MetricStatKind;
  /** The item's contribution from its samples' stats; null when it has none (all samples errored). */
  itemValue(samples: InstanceStats[]): { num: number; den: number } | null;
  /**
   * Optional (absent means 'item'). 'run': a statistic across subgroups or items (a largest gap,
   * a skew, a parity verdict) with no per-item decomposition; itemValue always returns null, so
   * compare it run to run by its value and interval rather than by a paired item test.
   */
  level?: 'item' | 'run';
  /**
   * Optional. True for a descriptive value (a pronoun share, a mean sentiment) that has no better
   * direction: its direction is nominal and it should not raise alerts.
   */
  descriptive?: boolean;
  /**
   * Optional. True for a condition signal with no better side (a recording's level, its duration,
   * the speaking rate, the transcript's length): a change either way beyond the minimum effect
   * is a finding. Its drift and CUSUM tests are two-sided; `direction` is nominal (display order).
   */
  twoSided?: boolean;
  /**
   * Optional (absent means 'quality'). 'condition': a label-free signal of the recording
   * conditions or the recognizer's behaviour (SNR, a tonal peak, empty transcripts). Its drift is
   * a condition_drift finding, an early warning before labels exist, and it is not tested for
   * disparity or fairness gaps between groups. 'judge': how well a model judge agrees with people
   * on a human-labelled calibration set (judge_calibration). Its drift is a judge_drift finding
   * naming the judge and its rubric (the judge changed, not the model it scores), and it is not
   * tested between groups either.
   */
  signal?: 'quality' | 'condition' | 'judge';
  /**
   * Optional. A run-level fairness magnitude (a pronoun skew, a counterfactual gap): it alerts
   * when it lies beyond alertPolicy.fairnessTolerance (one-sided test from its 95% interval, BH
   * across the run's magnitudes), a fairness_gap finding.
   */
  fairnessMagnitude?: boolean;
  /** Optional (absent means 'rate'): what the number measures, for display (see MetricUnit). */
  unit?: MetricUnit;
}

/** Descriptive values and two-sided signals: neither direction of a change is better. */
export const hasNoBetterSide = (
  metric: Pick<MetricDefinition, 'descriptive' | 'twoSided'> | undefined,
): boolean => metric?.descriptive === true || metric?.twoSided === true;

/** The metric's unit; a metric that declares none is a rate. */
export const metricUnit = (metric: Pick<MetricDefinition, 'unit'> | undefined): MetricUnit =>
  metric?.unit ?? 'rate';

/** One metric for one subgroup: 'all' or 'attribute=value'. Rates are fractions. */
export interface MetricValue {
  name: string;
  subgroup: string;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
}

export interface ScenarioContext {
  seed: number;
  /** Toxicity scorer chosen by the scenario config, resolved by the runner. */
  toxicityScorer?: {
    readonly id: string;
    readonly kind: 'lexicon' | 'classifier';
    score(text: string): Promise<{ toxicity: number; attributes?: Record<string, number> }>;
  };
  /** Judge model named by the scenario config's `judge`, resolved by the runner (see judges/). */
  judge?: JudgeClient;
  /**
   * Second model that rewrites a text while keeping its meaning (the watermark kind's paraphrase
   * attack), named by the config's `paraphrase.model` and resolved by the runner.
   */
  paraphraser?: { readonly id: string; paraphrase(text: string): Promise<string> };
}

/** A scenario kind: read instances, build requests, score responses, aggregate into metrics. */
export interface ScenarioKind<C = unknown> {
  readonly kind: string;
  /** Recorded on every run's provenance; bump when scoring changes. */
  readonly version: string;
  readonly modality: 'text' | 'audio';
  readonly configSchema: z.ZodType<C>;
  /**
   * Built-in data, used when a plan names no slice. A kind whose config has a `sample` applies
   * it here ('full': every item; see support/builtin-sample for the plan's sample).
   */
  builtinItems?(config: C): ScenarioItem[];
  /**
   * Optional. The unit a stratified sample keeps together where it can (a WinoBias pro/anti
   * pair, a BBQ quad); absent: the item.
   */
  sampleUnit?(item: Pick<ScenarioItem, 'id' | 'attributes'>): string;
  samplesPerItem(config: C): number;
  buildRequest(item: ScenarioItem, config: C, sample: number): ScenarioRequest;
  score(
    item: ScenarioItem,
    response: string,
    config: C,
    context: ScenarioContext,
  ): Promise<InstanceStats>;
  metrics(config: C): MetricDefinition[];
  /**
   * Optional. What besides the kind's version decides how answers become numbers (a text
   * normalizer, a judge's model, rubric and version). Recorded on the run's provenance and part of
   * the baseline version key, so changing it starts a new baseline instead of raising false drift.
   */
  scoringProvenance?(config: C): Record<string, unknown> | null;
  /** Metrics overall (subgroup 'all') and per attribute value, with intervals. */
  aggregate(instances: ScoredInstance[], config: C, context: ScenarioContext): MetricValue[];
}
