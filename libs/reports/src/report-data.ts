import type { MetricUnit } from '@lastmile/scenarios';

/** Everything a run report shows; loaded by the API or the CLI, rendered without I/O. */
export interface ReportMetric {
  slice: string;
  name: string;
  subgroup: string;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
  direction?: 'higher_is_better' | 'lower_is_better';
  /** What the number measures (a rate is shown as a percent, a count as a count…). */
  unit: MetricUnit;
}

/** One metric of one subgroup against the baseline drift monitoring compared it with. */
export interface ReportComparison {
  slice: string;
  name: string;
  subgroup: string;
  unit: MetricUnit;
  direction?: 'higher_is_better' | 'lower_is_better';
  /** A descriptive metric has no better side: its change is never coloured. */
  descriptive: boolean;
  baseline: {
    /** The slice version the baseline was built on (an earlier one across versions). */
    slice: string;
    value: number | null;
    ciLow: number | null;
    ciHigh: number | null;
    runIds: string[];
    policy: string;
    pinned: boolean;
    otherVersion: boolean;
  };
  current: { value: number | null; ciLow: number | null; ciHigh: number | null; n: number } | null;
  /** The findings of this run on this metric and subgroup (their kinds), if any. */
  findings: string[];
}

/** A finding this run raised: the test behind it, p, q and effect, and what it compared. */
export interface ReportFinding {
  kind: string;
  metric: string;
  subgroup: string;
  severity: string;
  title: string;
  test: string | null;
  pValue: number | null;
  qValue: number | null;
  /** The change (or gap, or contrast), oriented so positive is worse, in the metric's unit. */
  effect: number | null;
  unit: MetricUnit;
  /** Baseline → now on the items the test compared (a disparity: its hurt group), and how many. */
  from: number | null;
  to: number | null;
  n: number | null;
}

/** An incident this run opened, saw again, escalated, reopened or resolved. */
export interface ReportIncident {
  id: string;
  type: string;
  /** What this run did to it: open, seen, reopen, resolve. */
  action: string;
  severity: string;
  status: string | null;
  title: string | null;
  findings: ReportFinding[];
}

/** A test that could not be run at full power: its n and the smallest change it detects. */
export interface ReportUnderpowered {
  slice: string;
  kind: string;
  metric: string;
  subgroup: string;
  n: number;
  mde: number | null;
  status: string;
  unit: MetricUnit;
}

export interface ReportItem {
  slice: string;
  itemId: string;
  input: string | null;
  reference: string | null;
  response: string | null;
  error: string | null;
  /** The item's value of the report's headline metric (e.g. its WER, or 0/1 correctness). */
  value: number | null;
  attributes: Record<string, string>;
}

export interface RunReportData {
  generatedAt: Date;
  run: {
    id: string;
    status: string;
    trigger: string;
    total: number;
    done: number;
    errors: number;
    queuedAt: Date | null;
    startedAt: Date | null;
    finishedAt: Date | null;
    provenance: Record<string, unknown> | null;
    errorSummary: Record<string, unknown> | null;
  };
  model: { name: string; version: string };
  scenario: { name: string; kind: string };
  plan: { id: string; name: string } | null;
  headlineMetric: string | null;
  headlineUnit: MetricUnit;
  /** True for speech runs: worst items show a word-by-word alignment. */
  speech: boolean;
  metrics: ReportMetric[];
  /** What drift monitoring compared this run with, per metric and subgroup. */
  comparisons: ReportComparison[];
  /** Why the run was compared with no baseline, or which groups were left uncompared. */
  comparisonNotes: string[];
  incidents: ReportIncident[];
  underpowered: ReportUnderpowered[];
  worstItems: ReportItem[];
}
