import type { DataSource } from 'typeorm';
import { Baseline, Metric, type Plan, Run, type RunStatus } from '@lastmile/persistence';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
export const BASELINE_RUNS = 3;

/** Attribute groups of each seeded slice, as stored in slices.attributes. */
export const SLICE_ATTRIBUTES = {
  calls: { accent: ['us', 'scottish', 'indian'], noise: ['quiet', 'street'] },
  tickets: { domain: ['billing', 'outage'] },
  builtIn: { speaker_sex: ['f', 'm'] },
};
export type SliceKind = keyof typeof SLICE_ATTRIBUTES;

export interface MetricValue {
  name: string;
  subgroup: string;
  value: number;
  ciLow: number;
  ciHigh: number;
  n: number;
}

/**
 * Metric rows of one run on one slice: the whole slice ('all') and every attribute group.
 * Plan 0 drifts by +0.12 on Scottish accents in the last two days; otherwise values wobble
 * with the day (0, +0.01, +0.02) and each later group sits 0.03 above the previous one.
 */
export function metricValues(
  plan: number,
  slice: SliceKind,
  day: number,
  days: number,
): MetricValue[] {
  const names = slice === 'tickets' ? ['exact_match', 'f1'] : ['cer', 'wer'];
  const rows: MetricValue[] = [];
  for (const [i, name] of names.entries()) {
    const base = 0.1 + 0.05 * i + 0.02 * plan + 0.01 * (day % 3);
    const row = (subgroup: string, value: number, n: number) =>
      rows.push({ name, subgroup, value, ciLow: value - 0.02, ciHigh: value + 0.02, n });
    row('all', base, 120);
    for (const [attribute, groups] of Object.entries(SLICE_ATTRIBUTES[slice])) {
      for (const [g, group] of groups.entries()) {
        const drift = plan === 0 && group === 'scottish' && day >= days - 2 ? 0.12 : 0;
        row(`${attribute}=${group}`, base + 0.03 * g + drift, 120 / groups.length);
      }
    }
  }
  return rows;
}

/** One run a day per plan (queued 02:00 UTC), its metrics, and baselines from the first runs. */
export async function seedRuns(
  dataSource: DataSource,
  plans: Plan[],
  sliceKind: (sliceId: string) => SliceKind,
  start: Date,
  days: number,
): Promise<Run[]> {
  const runs: Run[] = [];
  const metrics: Partial<Metric>[] = [];
  const baselines: Partial<Baseline>[] = [];
  for (const [p, plan] of plans.entries()) {
    const scored: { run: Run; day: number }[] = [];
    for (let day = 0; day < days; day++) {
      const queuedAt = new Date(start.getTime() + day * DAY_MS + 2 * HOUR_MS);
      const finishedAt = new Date(queuedAt.getTime() + 10 * 60_000);
      // One failed run (no metrics) and one partial run, for the run-outcome panels.
      const status: RunStatus =
        p === 2 && day === 4 ? 'failed' : p === 1 && day === 5 ? 'partial' : 'succeeded';
      const run = await dataSource.getRepository(Run).save({
        planId: plan.id,
        modelId: plan.modelId,
        scenarioId: plan.scenarioId,
        tenantId: plan.tenantId,
        status,
        trigger: 'schedule',
        total: 120,
        done: status === 'failed' ? 0 : 120,
        errors: status === 'partial' ? 7 : 0,
        queuedAt,
        startedAt: new Date(queuedAt.getTime() + 60_000),
        finishedAt,
      });
      runs.push(run);
      if (status === 'failed') continue;
      scored.push({ run, day });
      for (const sliceId of plan.sliceIds) {
        for (const value of metricValues(p, sliceKind(sliceId), day, days)) {
          const { planId, modelId, tenantId } = run;
          metrics.push({
            runId: run.id,
            planId,
            modelId,
            tenantId,
            sliceId,
            at: finishedAt,
            ...value,
          });
        }
      }
    }
    const pinned = scored.slice(0, BASELINE_RUNS);
    for (const sliceId of plan.sliceIds) {
      const perRun = pinned.map(({ day }) => metricValues(p, sliceKind(sliceId), day, days));
      for (const [i, { name, subgroup }] of perRun[0].entries()) {
        const runValues = perRun.map((rows) => rows[i].value);
        const value = runValues.reduce((a, b) => a + b, 0) / runValues.length;
        baselines.push({
          planId: plan.id,
          sliceId,
          subgroup,
          metric: name,
          versionKey: 'v1',
          runIds: pinned.map(({ run }) => run.id),
          value,
          ciLow: value - 0.015,
          ciHigh: value + 0.015,
          runValues,
        });
      }
    }
  }
  await dataSource.getRepository(Metric).insert(metrics);
  await dataSource.getRepository(Baseline).save(baselines);
  return runs;
}
