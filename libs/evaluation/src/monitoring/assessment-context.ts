import {
  type BaselineEvidence,
  type FindingKind,
  type CurrentEvidence,
  type EvidenceContext,
  type ItemValues,
  type WorstItem,
} from '@lastmile/monitoring';
import type {
  AlertPolicy,
  BaselinePolicy,
  Run,
  RunMonitoring,
  Stores,
} from '@lastmile/persistence';
import type { BaselineRecord } from './baseline-records';
import { judgeIdOf, type JudgeScoring, type MetricDefinition } from '@lastmile/scenarios';
import type { AlertObservation, FindingInput } from './alert-observation';
import { ItemDetailCache } from './item-details';
import type { SliceState } from './slice-state';

export interface AssessmentInput {
  stores: Stores;
  run: Run;
  planId: string;
  alertPolicy: AlertPolicy;
  baselinePolicy: BaselinePolicy;
  seed: number;
  metrics: readonly MetricDefinition[];
  slices: readonly SliceState[];
  /** Pooled item values of the chosen references, by baseline id. */
  referenceItems: ReadonlyMap<string, ItemValues>;
  links: (sliceId: string, metric: string) => EvidenceContext['links'];
  /** Where an item's recording can be played (speech slices of a tenant), or null. */
  audioLink?: (sliceId: string, itemId: string) => string | null;
}

export type AlertKind = Extract<
  FindingKind,
  'drift' | 'fairness_gap' | 'cusum' | 'disparity_drift' | 'condition_drift' | 'judge_drift'
>;

/** The judge a judge_drift finding names: its model, id and rubric, from the run's provenance. */
export interface JudgeEvidence {
  id: string;
  /** The judge's model as registered (name@version), when the judge is the run's own model. */
  model: string | null;
  modelSpecHash: string;
  version: string;
  rubric: string;
  promptHash: string;
  passScore: number | null;
}

/** What every observation builder shares: the run, its evidence context, where findings go. */
export class AssessmentContext {
  readonly observations: AlertObservation[] = [];
  /** `${sliceId}|${metric}|${subgroup}` that drifted (kept out of a rolling baseline). */
  readonly drifted = new Set<string>();
  readonly metricsByName: ReadonlyMap<string, MetricDefinition>;
  /** Tests short of power or too small to run, for the run's monitoring summary. */
  readonly underpowered: NonNullable<RunMonitoring['underpowered']> = [];

  private readonly itemDetails: ItemDetailCache;

  constructor(readonly input: AssessmentInput) {
    this.metricsByName = new Map(input.metrics.map((m) => [m.name, m]));
    this.itemDetails = new ItemDetailCache(input.stores.results, input.run.id);
  }

  /**
   * Fetches the details of the items these findings will show, one query per slice instead of
   * one per finding (a run can have hundreds of findings).
   */
  async prefetchItemDetails(
    lists: readonly { slice: SliceState; worst: readonly WorstItem[] }[],
  ): Promise<void> {
    const bySlice = new Map<string, string[]>();
    for (const { slice, worst } of lists) {
      const ids = bySlice.get(slice.slice.id) ?? [];
      ids.push(...worst.map((item) => item.itemId));
      bySlice.set(slice.slice.id, ids);
    }
    for (const [sliceId, ids] of bySlice) await this.itemDetails.load(sliceId, ids);
  }

  definition(name: string): MetricDefinition {
    return this.metricsByName.get(name)!;
  }

  /**
   * The judge of this run, from its scoring provenance: a scenario's `judge` names its own model
   * (id in provenance); a judge_calibration run's judge is the run's model.
   */
  judge(): JudgeEvidence | null {
    const provenance = this.input.run.provenance;
    const scoring = provenance?.scoring?.judge as JudgeScoring | undefined;
    if (!provenance || !scoring) return null;
    const ownModel = scoring.modelSpecHash === undefined;
    const modelSpecHash = scoring.modelSpecHash ?? provenance.modelSpecHash;
    return {
      id: scoring.id ?? judgeIdOf(modelSpecHash, scoring.promptHash, scoring.version),
      model: ownModel ? String(provenance.model ?? '') || null : null,
      modelSpecHash,
      version: scoring.version,
      rubric: scoring.rubric,
      promptHash: scoring.promptHash,
      passScore: scoring.passScore ?? null,
    };
  }

  observe(
    slice: SliceState,
    kind: AlertKind,
    metric: string,
    subgroup: string,
    finding: FindingInput | null,
  ): void {
    this.observations.push({
      kind,
      planId: this.input.planId,
      sliceId: slice.slice.id,
      metric,
      subgroup,
      finding: finding && {
        kind,
        metric,
        subgroup,
        test: null,
        pValue: null,
        qValue: null,
        effect: null,
        ...finding,
      },
    });
  }

  async evidenceContext(
    slice: SliceState,
    metric: string,
    worst: WorstItem[],
  ): Promise<EvidenceContext> {
    const { run, audioLink } = this.input;
    const details = await this.itemDetails.details(slice.slice.id, worst);
    return {
      run: { id: run.id, status: run.status, done: run.done, errors: run.errors },
      links: this.input.links(slice.slice.id, metric),
      worstItems: audioLink
        ? details.map((item) => ({ ...item, audio: audioLink(slice.slice.id, item.itemId) }))
        : details,
      severityThresholds: this.input.alertPolicy.severity,
    };
  }

  baselineEvidence(reference: BaselineRecord, otherVersion: boolean): BaselineEvidence {
    return {
      value: reference.value,
      interval: interval(reference),
      runIds: reference.runIds,
      versionKey: reference.versionKey,
      policy: this.input.baselinePolicy.kind,
      pinned: reference.pinned,
      otherVersion,
    };
  }

  currentEvidence(slice: SliceState, key: string, n: number): CurrentEvidence {
    const row = slice.metricRows.get(key);
    return { value: row?.value ?? null, interval: interval(row), n: row?.n ?? n };
  }
}

export const sliceLabel = (slice: SliceState) => `${slice.slice.name} v${slice.slice.version}`;

/** `${metric}|${subgroup}` back into its parts (metric names never hold '|'; subgroups might). */
export function splitCellKey(key: string): [string, string] {
  const at = key.indexOf('|');
  return [key.slice(0, at), key.slice(at + 1)];
}

function interval(row?: { ciLow: number | null; ciHigh: number | null }): [number, number] | null {
  return row && row.ciLow !== null && row.ciHigh !== null ? [row.ciLow, row.ciHigh] : null;
}

/** A judge as an alert title names it: model (or id), and the rubric's version and opening words. */
export function judgeInWords(judge: JudgeEvidence | null): { name: string; rubric: string } | null {
  if (!judge) return null;
  const words = judge.rubric.length > 60 ? `${judge.rubric.slice(0, 57).trimEnd()}…` : judge.rubric;
  return {
    name: judge.model ? `${judge.model} (${judge.id})` : judge.id,
    rubric: `v${judge.version} "${words}"`,
  };
}
