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
}

export interface ReportBaseline {
  slice: string;
  name: string;
  subgroup: string;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  runIds: string[];
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
  /** Speech: the texts as scored, when a named normalizer or a GLM was applied. */
  scored?: {
    normalizer: string | null;
    reference: string | null;
    hypothesis: string | null;
    referenceFiltered: string | null;
    hypothesisFiltered: string | null;
  } | null;
  /** Speech: the recording, served by the API (tenant-checked there), for an <audio> player. */
  audio?: string | null;
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
  /** True for speech runs: worst items show a word-by-word alignment. */
  speech: boolean;
  metrics: ReportMetric[];
  baselines: ReportBaseline[];
  worstItems: ReportItem[];
}
