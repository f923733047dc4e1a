import type { CardEvaluationRow, CardMetricRow } from '@lastmile/persistence';
import {
  findScenarioKind,
  hasNoBetterSide,
  WATCH_PREFIX,
  type MetricDefinition,
} from '@lastmile/scenarios';
import type { CardEvaluation, CardGroupTable, CardMetric } from './card-types';
import { fairnessEntries } from './card-fairness';
import { metricSentence } from './card-words';

/**
 * The kind's metric definitions and the scenario's config with its defaults filled in; none when
 * either no longer parses (a kind removed or changed since the run).
 */
export function kindOf(
  kindName: string,
  config: unknown,
): { definitions: MetricDefinition[]; config: Record<string, unknown> } {
  const kind = findScenarioKind(kindName);
  const parsed = kind?.configSchema.safeParse(config);
  if (!kind || !parsed?.success) return { definitions: [], config: {} };
  return {
    definitions: kind.metrics(parsed.data),
    config: (parsed.data ?? {}) as Record<string, unknown>,
  };
}

export function cardMetric(row: CardMetricRow, definition: MetricDefinition): CardMetric {
  const metric = {
    metric: row.name,
    subgroup: row.subgroup,
    value: row.value,
    ciLow: row.ciLow,
    ciHigh: row.ciHigh,
    n: row.n,
    direction: definition.direction,
    statKind: definition.statKind,
    descriptive: hasNoBetterSide(definition),
  };
  return { ...metric, text: metricSentence(metric) };
}

/**
 * `accent=en-029` → ['accent', 'en-029']; a cell across attributes, `accent=en-029&noise=hum`,
 * → ['accent × noise', 'en-029, hum']; null for 'all' and watched subsets.
 */
export function groupOf(subgroup: string): [string, string] | null {
  if (subgroup === 'all' || subgroup.startsWith(WATCH_PREFIX) || !subgroup.includes('='))
    return null;
  const pairs = subgroup.split('&').map((part) => {
    const at = part.indexOf('=');
    return [part.slice(0, at), part.slice(at + 1)];
  });
  return [pairs.map((p) => p[0]).join(' × '), pairs.map((p) => p[1]).join(', ')];
}

/** One evaluation: the latest run of a plan on a slice, with its headline, groups and gaps. */
export function buildEvaluation(row: CardEvaluationRow, metrics: CardMetricRow[]): CardEvaluation {
  const { definitions, config } = kindOf(row.scenarioKind, row.scenarioConfig);
  const itemLevel = definitions.filter((d) => d.level !== 'run');
  const rowsOf = (name: string) => metrics.filter((m) => m.name === name);
  const headline = itemLevel.flatMap((d) =>
    rowsOf(d.name)
      .filter((m) => m.subgroup === 'all')
      .map((m) => cardMetric(m, d)),
  );
  const groups: CardGroupTable[] = [];
  for (const definition of itemLevel.filter((d) => !hasNoBetterSide(d))) {
    const byAttribute = new Map<string, CardMetric[]>();
    for (const m of rowsOf(definition.name)) {
      const group = groupOf(m.subgroup);
      if (!group) continue;
      byAttribute.set(group[0], [...(byAttribute.get(group[0]) ?? []), cardMetric(m, definition)]);
    }
    const overall = headline.find((h) => h.metric === definition.name) ?? null;
    for (const [attribute, rows] of [...byAttribute.entries()].sort(([a], [b]) =>
      a.localeCompare(b),
    ))
      groups.push({ metric: definition.name, attribute, overall, rows: rows.sort(bySubgroup) });
  }
  const watches = new Map((row.watchedSubgroups ?? []).map((w) => [w.label, w]));
  const watched = itemLevel.flatMap((d) =>
    rowsOf(d.name)
      .filter((m) => watches.has(m.subgroup))
      .map((m) => ({
        ...cardMetric(m, d),
        predicate: watches.get(m.subgroup)!.predicate,
        credit: watches.get(m.subgroup)!.source.researcher,
      })),
  );
  return {
    planId: row.planId,
    planName: row.planName,
    scenario: {
      id: row.scenarioId,
      name: row.scenarioName,
      kind: row.scenarioKind,
      version: stringOrNull(row.provenance?.scenarioVersion),
    },
    slice: {
      id: row.sliceId,
      name: row.sliceName,
      version: row.sliceVersion,
      items: row.sliceItems,
      public: !row.sliceOwned,
      conditions: conditionsOf(row, groups),
    },
    run: {
      id: row.runId,
      status: row.runStatus,
      finishedAt: row.finishedAt,
      seed: row.seed,
      sampleSize: row.sampleSize,
      harnessVersion: stringOrNull(row.provenance?.harnessVersion),
      modelSpecHash: stringOrNull(row.provenance?.modelSpecHash),
    },
    headline,
    groups,
    fairness: fairnessEntries(row, config, metrics, definitions, groups),
    watched,
  };
}

const bySubgroup = (a: CardMetric, b: CardMetric) => a.subgroup.localeCompare(b.subgroup);
const stringOrNull = (value: unknown) => (typeof value === 'string' ? value : null);

/** The slice's attributes with the items scored per value (from the first metric's groups). */
function conditionsOf(row: CardEvaluationRow, groups: CardGroupTable[]) {
  return Object.entries(row.sliceAttributes ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([attribute, values]) => {
      const table = groups.find((g) => g.attribute === attribute);
      return {
        attribute,
        groups: [...values].sort().map((value) => ({
          value,
          n: table?.rows.find((r) => r.subgroup === `${attribute}=${value}`)?.n ?? 0,
        })),
      };
    });
}
