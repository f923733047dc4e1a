import type { DataSource } from 'typeorm';
import { type Alert, Model, Plan, type Run, Scenario, Slice, Tenant } from '@lastmile/persistence';
import { seedAlerts } from './seed-monitoring-alerts';
import { BASELINE_RUNS, SLICE_ATTRIBUTES, type SliceKind, seedRuns } from './seed-monitoring-runs';

export { metricValues, SLICE_ATTRIBUTES } from './seed-monitoring-runs';

// A small, deterministic monitoring history: two customers, three model versions, an ASR and a
// QA scenario, daily runs with per-attribute metrics, baselines from the first runs, and alerts
// in every state. Values are fixed functions of the day (see metricValues).

export interface MonitoringSeed {
  tenants: { acme: Tenant; globex: Tenant };
  models: { whisperV1: Model; whisperV2: Model; chat: Model };
  scenarios: { asr: Scenario; qa: Scenario };
  slices: Record<SliceKind, Slice>;
  /** acme × whisper v1 (calls + built-in), acme × whisper v2 (calls), globex × chat (tickets). */
  plans: Plan[];
  runs: Run[];
  alerts: Alert[];
  /** Midnight UTC of the first day; day d's run is queued at start + d days + 2 h. */
  start: Date;
  days: number;
}

export interface MonitoringSeedOptions {
  start?: Date;
  days?: number;
}

export async function seedMonitoringData(
  dataSource: DataSource,
  { start = new Date('2026-01-01T00:00:00Z'), days = 10 }: MonitoringSeedOptions = {},
): Promise<MonitoringSeed> {
  const save = <T extends object>(entity: new () => T, rows: Partial<T>[]) =>
    dataSource.getRepository(entity).save(rows as T[]);

  const [acme, globex] = await save(Tenant, [
    { slug: 'acme', name: 'Acme Health' },
    { slug: 'globex', name: 'Globex Telecom' },
  ]);
  const model = (name: string, version: string, modality: Model['modality']) => ({
    name,
    version,
    modality,
    adapter: { kind: 'openai-chat', baseUrl: 'http://model.invalid/v1', model: name },
    adapterHash: `adapter-${name}-${version}`,
  });
  const [whisperV1, whisperV2, chat] = await save(Model, [
    model('whisper-small', 'v1', 'speech'),
    model('whisper-small', 'v2', 'speech'),
    model('support-chat', '2026-01', 'text'),
  ]);
  const [asr, qa] = await save(Scenario, [
    { name: 'call-center-asr', kind: 'asr' },
    { name: 'support-qa', kind: 'qa' },
  ]);
  const slice = (
    kind: SliceKind,
    tenant: Tenant | null,
    name: string,
    modality: Slice['modality'],
  ) => ({
    tenantId: tenant?.id ?? null,
    name,
    version: 1,
    contentHash: `sha256-${name}`,
    modality,
    itemCount: 120,
    attributes: SLICE_ATTRIBUTES[kind],
  });
  const [calls, tickets, builtIn] = await save(Slice, [
    slice('calls', acme, 'call-recordings', 'audio'),
    slice('tickets', globex, 'support-tickets', 'text'),
    slice('builtIn', null, 'librispeech-sample', 'audio'),
  ]);
  const plan = (name: string, m: Model, s: Scenario, slices: Slice[], tenant: Tenant) => ({
    name,
    modelId: m.id,
    scenarioId: s.id,
    sliceIds: slices.map((x) => x.id),
    tenantId: tenant.id,
    cron: '0 2 * * *',
    baselinePolicy: { kind: 'first_n' as const, n: BASELINE_RUNS },
    alertPolicy: {
      alpha: 0.05,
      minEffect: 0.02,
      severity: { warning: 0.02, critical: 0.05 },
      autoResolveAfter: 3,
    },
  });
  const plans = await save(Plan, [
    plan('acme asr v1', whisperV1, asr, [calls, builtIn], acme),
    plan('acme asr v2', whisperV2, asr, [calls], acme),
    plan('globex qa', chat, qa, [tickets], globex),
  ]);

  const kinds = new Map<string, SliceKind>([
    [calls.id, 'calls'],
    [tickets.id, 'tickets'],
    [builtIn.id, 'builtIn'],
  ]);
  const runs = await seedRuns(dataSource, plans, (id) => kinds.get(id)!, start, days);
  const last = (days - 1) * 24;
  const alerts = await seedAlerts(
    dataSource,
    [
      {
        plan: plans[0],
        sliceId: calls.id,
        type: 'drift',
        severity: 'critical',
        subgroup: 'accent=scottish',
        metric: 'wer',
        title: 'WER up on Scottish accents',
        openedAfterHours: last + 3,
      },
      {
        plan: plans[1],
        sliceId: calls.id,
        type: 'fairness_gap',
        severity: 'warning',
        subgroup: 'accent',
        metric: 'wer',
        title: 'Accent gap above tolerance',
        openedAfterHours: last - 45,
        acknowledgedAfterMinutes: 25,
      },
      {
        plan: plans[2],
        sliceId: tickets.id,
        type: 'drift',
        severity: 'warning',
        subgroup: 'all',
        metric: 'exact_match',
        title: 'Exact match down on tickets',
        openedAfterHours: 27,
        acknowledgedAfterMinutes: 10,
        resolvedAfterHours: 48,
      },
      {
        plan: plans[0],
        sliceId: builtIn.id,
        type: 'cusum',
        severity: 'info',
        subgroup: 'all',
        metric: 'cer',
        title: 'Slow CER drift',
        openedAfterHours: 51,
        resolvedAfterHours: 72,
      },
    ],
    start,
  );
  return {
    tenants: { acme, globex },
    models: { whisperV1, whisperV2, chat },
    scenarios: { asr, qa },
    slices: { calls, tickets, builtIn },
    plans,
    runs,
    alerts,
    start,
    days,
  };
}
