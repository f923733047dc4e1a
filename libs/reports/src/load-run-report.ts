import type { Stores } from '@lastmile/persistence';
import { getScenarioKind, metricUnit, type MetricDefinition } from '@lastmile/scenarios';
import { reportComparisons } from './report-comparisons';
import type { ReportItem, RunReportData } from './report-data';
import { reportIncidents, reportUnderpowered } from './report-incidents';

const WORST = 10;

export interface RunReportOptions {
  /** Prefix of the audio links of speech items (LASTMILE_PUBLIC_URL); relative when absent. */
  publicUrl?: string;
}

/** Reads one run and what its report shows. Returns null when the run does not exist. */
export async function loadRunReportData(
  stores: Stores,
  runId: string,
  options: RunReportOptions = {},
): Promise<RunReportData | null> {
  const run = await stores.runs.find(runId);
  if (!run) return null;
  const [model, scenario, plan] = await Promise.all([
    stores.models.find(run.modelId),
    run.scenarioId ? stores.scenarios.find(run.scenarioId) : null,
    run.planId ? stores.plans.find(run.planId) : null,
  ]);
  if (!model) return null;
  const kind = scenario ? getScenarioKind(scenario.kind) : null;
  const definitions: MetricDefinition[] =
    kind && scenario ? kind.metrics(kind.configSchema.parse(scenario.config)) : [];
  const byName = new Map(definitions.map((d) => [d.name, d]));
  const unitOf = (name: string) => metricUnit(byName.get(name));
  const [metrics, comparisons, findings] = await Promise.all([
    stores.metrics.ofRun(runId),
    stores.baselines.comparisonsOfRun(runId),
    stores.alerts.findingsOfRun(runId),
  ]);
  const sliceIds = [
    ...new Set([
      ...metrics.map((m) => m.sliceId),
      ...Object.keys(run.provenance?.sliceHashes ?? {}),
      ...comparisons.map((c) => c.baselineSliceId),
      ...(run.monitoring?.underpowered ?? []).map((u) => u.sliceId),
    ]),
  ];
  const slices = await stores.slices.byIds(sliceIds);
  const sliceName = (id: string) => {
    const slice = slices.find((s) => s.id === id);
    return slice ? `${slice.name} v${slice.version}` : id;
  };
  const compared = reportComparisons({
    run,
    baselinePolicy: plan?.baselinePolicy ?? null,
    comparisons,
    metrics,
    definitions,
    findings,
    sliceName,
  });
  // The first metric the run has (a monitoring slice's run has no WER: its first signal then).
  const headline = definitions.find((d) => metrics.some((m) => m.name === d.name)) ?? null;
  const audioLink = (sliceId: string, itemId: string) => {
    const slice = slices.find((s) => s.id === sliceId);
    if (slice?.modality !== 'audio' || !slice.tenantId) return null;
    const base = (options.publicUrl ?? '').replace(/\/+$/, '');
    return `${base}/v1/tenants/${slice.tenantId}/slices/${sliceId}/items/${encodeURIComponent(itemId)}/audio`;
  };
  return {
    generatedAt: new Date(),
    run: {
      id: run.id,
      status: run.status,
      trigger: run.trigger,
      total: run.total,
      done: run.done,
      errors: run.errors,
      queuedAt: run.queuedAt,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      provenance: run.provenance,
      errorSummary: run.errorSummary,
    },
    model: { name: model.name, version: model.version },
    scenario: { name: scenario?.name ?? '—', kind: scenario?.kind ?? '—' },
    plan: plan ? { id: plan.id, name: plan.name } : null,
    headlineMetric: headline?.name ?? null,
    headlineUnit: metricUnit(headline ?? undefined),
    speech: kind?.modality === 'audio',
    metrics: metrics.map((m) => ({
      slice: sliceName(m.sliceId),
      name: m.name,
      subgroup: m.subgroup,
      value: m.value,
      ciLow: m.ciLow,
      ciHigh: m.ciHigh,
      n: m.n,
      direction: byName.get(m.name)?.direction,
      unit: unitOf(m.name),
    })),
    comparisons: compared.rows,
    comparisonNotes: compared.notes,
    incidents: reportIncidents(run.monitoring, findings, unitOf),
    underpowered: reportUnderpowered(run.monitoring, sliceName, unitOf),
    worstItems: headline ? await worstItems(stores, run.id, headline, sliceName, audioLink) : [],
  };
}

/** Errors first, then the items the headline metric scores worst (first sample of each). */
async function worstItems(
  stores: Stores,
  runId: string,
  headline: MetricDefinition,
  sliceName: (id: string) => string,
  audioLink: (sliceId: string, itemId: string) => string | null,
): Promise<ReportItem[]> {
  const results = await stores.results.firstSamples(runId);
  const scored = results.map((result) => {
    const value = result.error ? null : headline.itemValue([result.stats as never]);
    return { result, value: value && value.den > 0 ? value.num / value.den : null };
  });
  const sign = headline.direction === 'lower_is_better' ? -1 : 1;
  scored.sort((a, b) => {
    if (a.result.error || b.result.error) return a.result.error ? (b.result.error ? 0 : -1) : 1;
    return sign * ((a.value ?? 0) - (b.value ?? 0));
  });
  const chosen = scored.slice(0, WORST);
  const items = await stores.slices.itemTexts(
    chosen.map(({ result }) => ({ sliceId: result.sliceId, itemKey: result.itemKey })),
  );
  return chosen.map(({ result, value }) => {
    const item = items.find((i) => i.sliceId === result.sliceId && i.itemKey === result.itemKey);
    return {
      slice: sliceName(result.sliceId),
      itemId: result.itemKey,
      input: item?.input ?? null,
      reference: item?.references?.[0] ?? null,
      // A speech item's transcript as scored (a JSON response carries it with its confidence).
      response: transcriptOf(result.stats as Record<string, unknown> | null) ?? result.response,
      error: result.error ? String((result.error as { code?: unknown }).code ?? 'error') : null,
      value,
      attributes: result.attributes,
      scored: scoredTexts(result.stats as Record<string, unknown> | null),
      audio: audioLink(result.sliceId, result.itemKey),
    };
  });
}

/** An asr item's transcript as the recognizer gave it, when it was stored. */
function transcriptOf(stats: Record<string, unknown> | null): string | null {
  return typeof stats?.hypothesis === 'string' ? stats.hypothesis : null;
}

/** The normalized (and GLM-filtered) texts an asr item was scored on, when they were stored. */
function scoredTexts(stats: Record<string, unknown> | null): ReportItem['scored'] {
  const text = (key: string) => (typeof stats?.[key] === 'string' ? (stats[key] as string) : null);
  if (text('referenceNormalized') === null && text('hypothesisNormalized') === null) return null;
  return {
    normalizer: text('normalizer'),
    reference: text('referenceNormalized'),
    hypothesis: text('hypothesisNormalized'),
    referenceFiltered: text('referenceFiltered'),
    hypothesisFiltered: text('hypothesisFiltered'),
  };
}
