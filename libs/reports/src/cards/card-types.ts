import type {
  CardEvaluationRow,
  CardIncidentRow,
  CardMetricRow,
  ModelCardNotes,
} from '@lastmile/persistence';

export const CARD_FORMAT = 'lastmile.service-card/1';
/** Incidents this far back appear in a card's drift history. */
export const DRIFT_WINDOW_DAYS = 90;

/**
 * Where the drift window starts: 90 days before the start of the generation's UTC day, so every
 * card generated in one day covers the same window (and the same data gives the same card).
 */
export function driftWindowStart(now: Date): Date {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(day - DRIFT_WINDOW_DAYS * 86_400_000);
}

/** Everything a card is built from, loaded by `loadCardInput`; building it does no I/O. */
export interface CardInput {
  generatedAt: Date;
  scope: 'all' | 'tenant';
  model: {
    id: string;
    name: string;
    version: string;
    modality: string;
    adapterHash: string;
    createdAt: Date;
  };
  notes: Pick<ModelCardNotes, 'intendedUse' | 'outOfScope' | 'contact' | 'updatedAt'> | null;
  span: { first: string | null; last: string | null; runs: number };
  evaluations: CardEvaluationRow[];
  metrics: CardMetricRow[];
  plans: { planId: string; planName: string; scenarioId: string; finishedRuns: number }[];
  /** The scenario catalog, and which of its scenarios any run of this model used. */
  scenarios: { id: string; name: string; kind: string }[];
  scenariosRun: ReadonlySet<string>;
  incidents: CardIncidentRow[];
}

export type MetricKindLabel = 'proportion' | 'ratio' | 'mean';

/** One number of a card with its interval and what it is, in words. */
export interface CardMetric {
  metric: string;
  subgroup: string;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
  direction: 'higher_is_better' | 'lower_is_better';
  statKind: MetricKindLabel;
  descriptive: boolean;
  text: string;
}

export interface CardGroupTable {
  metric: string;
  attribute: string;
  rows: CardMetric[];
  overall: CardMetric | null;
}

export type FairnessVerdict =
  'parity_shown' | 'inconclusive' | 'disparity_detected' | 'no_tolerance' | 'not_enough_groups';

export interface CardFairness {
  metric: string;
  attribute: string;
  /** Largest gap (worst − best group, ≥ 0) and the 95% interval of that difference. */
  gap: { value: number | null; ciLow: number | null; ciHigh: number | null; n: number };
  worst: string | null;
  best: string | null;
  verdict: FairnessVerdict;
  tolerance: number | null;
  /** The interval the verdict was read from, and its confidence (0.9 for a TOST at α 0.05). */
  verdictInterval: { low: number; high: number; confidence: number } | null;
  verdictText: string;
  gapText: string;
}

export interface CardEvaluation {
  planId: string;
  planName: string;
  scenario: { id: string; name: string; kind: string; version: string | null };
  slice: {
    id: string;
    name: string;
    version: number;
    items: number;
    public: boolean;
    conditions: { attribute: string; groups: { value: string; n: number }[] }[];
  };
  run: {
    id: string;
    status: string;
    finishedAt: string;
    seed: number;
    sampleSize: number | null;
    harnessVersion: string | null;
    modelSpecHash: string | null;
  };
  headline: CardMetric[];
  groups: CardGroupTable[];
  fairness: CardFairness[];
  watched: (CardMetric & { predicate: string; credit: string })[];
}

export interface CardIncident {
  id: string;
  type: string;
  status: string;
  severity: string;
  title: string;
  openedAt: string;
  resolvedAt: string | null;
  planId: string;
  planName: string;
  slice: string | null;
}

export type LimitationKind =
  | 'no_evaluation'
  | 'worst_group'
  | 'underpowered_group'
  | 'scenario_never_run'
  | 'plan_never_finished'
  | 'drift_condition';

export interface CardLimitation {
  kind: LimitationKind;
  text: string;
}

export interface ServiceCard {
  format: typeof CARD_FORMAT;
  generatedAt: string;
  /**
   * Set once built. `versionKey` is the card's version: the model version, the set of runs it
   * summarizes and the hand-written notes (not the day it was generated on). `contentHash` is what
   * this generation says (everything but its identity and time), `runsHash` the runs alone.
   */
  identity: { versionKey: string; contentHash: string; runsHash: string; runIds: string[] };
  scope: { kind: 'all' | 'tenant'; text: string };
  model: {
    id: string;
    name: string;
    version: string;
    modality: string;
    adapterSpecHash: string;
    registeredAt: string;
    firstEvaluatedAt: string | null;
    lastEvaluatedAt: string | null;
    finishedRuns: number;
  };
  intendedUse: {
    intendedUse: string | null;
    outOfScope: string | null;
    contact: string | null;
    updatedAt: string | null;
  };
  evaluations: CardEvaluation[];
  drift: {
    windowDays: number;
    since: string;
    open: number;
    resolved: number;
    incidents: CardIncident[];
  };
  limitations: CardLimitation[];
  reproduce: {
    harnessVersions: string[];
    plans: {
      planId: string;
      planName: string;
      seed: number;
      sampleSize: number | null;
      scenario: string;
      slices: string[];
      runIds: string[];
    }[];
  };
}
