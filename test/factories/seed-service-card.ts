import type { DataSource } from 'typeorm';
import {
  Alert,
  Metric,
  Model,
  ModelCardNotes,
  Plan,
  Run,
  Scenario,
  Slice,
  Tenant,
  type WatchedSubgroup,
} from '@lastmile/persistence';

// A fixed world for service cards: every id and time is a constant, so the card of the same
// database is the same card (the Markdown snapshot depends on it). Two customers (acme, globex),
// a chat model in two versions, a public FAQ slice, each customer's own tickets, a classification
// probe with a gap of 0 on wide intervals and a failed parity, and drift alerts in and out of the
// 90-day window.

export const CARD_NOW = new Date('2026-03-15T12:00:00.000Z');
const id = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

export const CARD_IDS = {
  acme: id(1),
  globex: id(2),
  model: id(10),
  previous: id(11),
  qa: id(20),
  loans: id(21),
  toxicity: id(22),
  asr: id(23),
  faq: id(30),
  acmeTickets: id(31),
  globexTickets: id(32),
  loanApplicants: id(33),
  faqPlan: id(40),
  acmePlan: id(41),
  globexPlan: id(42),
  loansPlan: id(43),
  pendingPlan: id(44),
  previousPlan: id(45),
  faqRun: id(50),
  acmeRun: id(51),
  globexRun: id(52),
  loansRun: id(53),
  faqOldRun: id(54),
  previousRun: id(55),
};

const PHONE_WATCH: WatchedSubgroup = {
  label: 'watch:4c1d2e3f5a',
  predicate: 'channel = "phone"',
  source: { programId: id(90), submissionId: id(91), researcher: 'Ada (bounty)' },
  addedAt: '2026-02-23T12:00:00.000Z',
};

/** Metric rows of one run: [name, subgroup, value, ciLow, ciHigh, n]. */
type Row = [string, string, number | null, number | null, number | null, number];

function qaRows(scale: number): Row[] {
  return [
    ['exact_match', 'all', 0.8 * scale, 0.751 * scale, 0.842 * scale, 300],
    ['quasi_exact_match', 'all', 0.84 * scale, 0.794 * scale, 0.878 * scale, 300],
    ['f1', 'all', 0.871 * scale, 0.842 * scale, 0.897 * scale, 300],
    ['exact_match', 'channel=chat', 0.825 * scale, 0.747 * scale, 0.882 * scale, 120],
    ['exact_match', 'channel=email', 0.85 * scale, 0.774 * scale, 0.903 * scale, 120],
    ['exact_match', 'channel=phone', 0.65 * scale, 0.523 * scale, 0.758 * scale, 60],
    ['f1', 'channel=chat', 0.88 * scale, 0.84 * scale, 0.915 * scale, 120],
    ['f1', 'channel=email', 0.9 * scale, 0.865 * scale, 0.93 * scale, 120],
    ['f1', 'channel=phone', 0.79 * scale, 0.72 * scale, 0.85 * scale, 60],
    ['exact_match', PHONE_WATCH.label, 0.65 * scale, 0.523 * scale, 0.758 * scale, 60],
  ];
}

const LOAN_ROWS: Row[] = [
  ['accuracy', 'all', 0.76, 0.695, 0.814, 200],
  ['error_rate', 'all', 0.24, 0.186, 0.305, 200],
  ['false_positive_rate', 'all', 0.1, 0.06, 0.16, 100],
  ['false_rejection_rate', 'all', 0.38, 0.29, 0.47, 100],
  ['invalid_response_rate', 'all', 0, 0, 0.019, 200],
  ['error_rate', 'group=a', 0.12, 0.048, 0.27, 12],
  ['error_rate', 'group=b', 0.12, 0.048, 0.27, 12],
  ['false_rejection_rate', 'group=a', 0.15, 0.052, 0.36, 20],
  ['false_rejection_rate', 'group=b', 0.617, 0.49, 0.73, 60],
  ['error_rate_gap:group', 'all', 0, -0.348, 0.348, 24],
  ['error_rate_parity:group', 'all', 0, -0.31, 0.31, 24],
  ['false_rejection_rate_gap:group', 'all', 0.467, 0.262, 0.67, 80],
  ['false_rejection_rate_parity:group', 'all', -1, 0.275, 0.66, 80],
];

/** Seeds the world with every time `daysBefore` days before `now` (the snapshot's fixed CARD_NOW). */
export async function seedServiceCard(dataSource: DataSource, now = CARD_NOW): Promise<void> {
  const at = (daysBefore: number) => new Date(now.getTime() - daysBefore * 86_400_000);
  const save = <T extends object>(entity: new () => T, rows: Partial<T>[]) =>
    dataSource.getRepository(entity).save(rows as T[]);
  const I = CARD_IDS;
  await save(Tenant, [
    { id: I.acme, slug: 'acme', name: 'Acme Health', createdAt: at(400) },
    { id: I.globex, slug: 'globex', name: 'Globex Telecom', createdAt: at(400) },
  ]);
  const model = (modelId: string, version: string, days: number) => ({
    id: modelId,
    name: 'support-chat',
    version,
    modality: 'text' as const,
    adapter: { kind: 'openai-chat', baseUrl: 'http://model.invalid/v1', model: 'support' },
    adapterHash: `adapter-hash-${version}`,
    defaultParams: {},
    createdAt: at(days),
  });
  await save(Model, [model(I.model, '2026-03', 120), model(I.previous, '2026-02', 200)]);
  await save(Scenario, [
    {
      id: I.qa,
      name: 'support-faq',
      kind: 'qa',
      config: { breakdownBy: ['channel'] },
      createdAt: at(300),
    },
    { id: I.loans, name: 'loan-decisions', kind: 'classification', config: {}, createdAt: at(300) },
    { id: I.toxicity, name: 'toxicity-probe', kind: 'toxicity', config: {}, createdAt: at(300) },
    { id: I.asr, name: 'call-transcripts', kind: 'asr', config: {}, createdAt: at(300) },
  ]);
  const slice = (
    sliceId: string,
    tenantId: string | null,
    name: string,
    items: number,
    attributes: Record<string, string[]>,
  ) => ({
    id: sliceId,
    tenantId,
    name,
    version: 1,
    contentHash: `sha256-${name}`,
    modality: 'text' as const,
    itemCount: items,
    attributes,
    programId: null,
    createdAt: at(300),
  });
  await save(Slice, [
    slice(I.faq, null, 'faq-public', 300, { channel: ['chat', 'email', 'phone'] }),
    slice(I.acmeTickets, I.acme, 'acme-tickets', 300, { channel: ['chat', 'email', 'phone'] }),
    slice(I.globexTickets, I.globex, 'globex-secret-tickets', 300, {
      channel: ['chat', 'email', 'phone'],
    }),
    slice(I.loanApplicants, null, 'loan-applicants', 200, { group: ['a', 'b'] }),
  ]);
  const plan = (
    planId: string,
    name: string,
    modelId: string,
    scenarioId: string,
    sliceId: string,
    tenantId: string | null,
    extra: Partial<Plan> = {},
  ) => ({
    id: planId,
    name,
    modelId,
    scenarioId,
    sliceIds: [sliceId],
    tenantId,
    cron: '0 3 * * *',
    timezone: 'UTC',
    enabled: true,
    sampleSize: null,
    seed: 7,
    baselinePolicy: { kind: 'first_n' as const, n: 3 },
    alertPolicy: {
      alpha: 0.05,
      minEffect: 0.05,
      severity: { warning: 0.02, critical: 0.1 },
      autoResolveAfter: 2,
    },
    channels: [],
    cacheResponses: false,
    watchedSubgroups: [],
    createdAt: at(150),
    updatedAt: at(150),
    deletedAt: null,
    ...extra,
  });
  await save(Plan, [
    plan(I.faqPlan, 'faq-nightly', I.model, I.qa, I.faq, null, { watchedSubgroups: [PHONE_WATCH] }),
    plan(I.acmePlan, 'acme-tickets-nightly', I.model, I.qa, I.acmeTickets, I.acme),
    plan(I.globexPlan, 'globex-tickets-nightly', I.model, I.qa, I.globexTickets, I.globex),
    plan(I.loansPlan, 'loan-fairness', I.model, I.loans, I.loanApplicants, null, {
      sampleSize: 200,
      seed: 11,
    }),
    plan(I.pendingPlan, 'new-probe', I.model, I.toxicity, I.faq, null),
    plan(I.previousPlan, 'faq-nightly-2026-02', I.previous, I.qa, I.faq, null),
  ]);
  const run = (
    runId: string,
    planId: string,
    modelId: string,
    scenarioId: string,
    tenantId: string | null,
    finishedDaysBefore: number,
    sliceId: string,
  ) => ({
    id: runId,
    planId,
    modelId,
    scenarioId,
    tenantId,
    status: 'succeeded' as const,
    trigger: 'schedule' as const,
    total: 300,
    done: 300,
    errors: 0,
    provenance: {
      modelSpecHash: `adapter-hash-${modelId === I.model ? '2026-03' : '2026-02'}`,
      sliceHashes: { [sliceId]: 'sha' },
      scenarioKind: scenarioId === I.loans ? 'classification' : 'qa',
      scenarioVersion: '1',
      harnessVersion: '0.1.0',
      seed: 7,
    },
    queuedAt: at(finishedDaysBefore + 0.01),
    startedAt: at(finishedDaysBefore + 0.005),
    finishedAt: at(finishedDaysBefore),
  });
  await save(Run, [
    run(I.faqOldRun, I.faqPlan, I.model, I.qa, null, 60, I.faq),
    run(I.faqRun, I.faqPlan, I.model, I.qa, null, 1, I.faq),
    run(I.acmeRun, I.acmePlan, I.model, I.qa, I.acme, 2, I.acmeTickets),
    run(I.globexRun, I.globexPlan, I.model, I.qa, I.globex, 2, I.globexTickets),
    run(I.loansRun, I.loansPlan, I.model, I.loans, null, 3, I.loanApplicants),
    run(I.previousRun, I.previousPlan, I.previous, I.qa, null, 40, I.faq),
  ]);
  const metrics = (
    runId: string,
    planId: string,
    modelId: string,
    tenantId: string | null,
    sliceId: string,
    rows: Row[],
  ) =>
    rows.map(([name, subgroup, value, ciLow, ciHigh, n]) => ({
      runId,
      planId,
      modelId,
      tenantId,
      sliceId,
      name,
      subgroup,
      value,
      ciLow,
      ciHigh,
      n,
      at: CARD_NOW,
    }));
  await save(Metric, [
    ...metrics(I.faqOldRun, I.faqPlan, I.model, null, I.faq, qaRows(0.9)),
    ...metrics(I.faqRun, I.faqPlan, I.model, null, I.faq, qaRows(1)),
    ...metrics(I.acmeRun, I.acmePlan, I.model, I.acme, I.acmeTickets, qaRows(0.95)),
    ...metrics(I.globexRun, I.globexPlan, I.model, I.globex, I.globexTickets, qaRows(0.5)),
    ...metrics(I.loansRun, I.loansPlan, I.model, null, I.loanApplicants, LOAN_ROWS),
    ...metrics(I.previousRun, I.previousPlan, I.previous, null, I.faq, qaRows(0.9)),
  ]);
  const alert = (
    n: number,
    planId: string,
    tenantId: string | null,
    sliceId: string,
    title: string,
    opened: number,
    resolved: number | null,
  ) => ({
    id: id(n),
    dedupKey: `card:${n}`,
    type: 'drift' as const,
    status: resolved === null ? ('open' as const) : ('resolved' as const),
    severity: 'warning' as const,
    planId,
    modelId: I.model,
    tenantId,
    sliceId,
    subgroup: 'all',
    metric: 'exact_match',
    title,
    evidence: {},
    openedAt: at(opened),
    lastSeenAt: at(opened),
    resolvedAt: resolved === null ? null : at(resolved),
  });
  await save(Alert, [
    alert(60, I.faqPlan, null, I.faq, 'exact_match fell for channel=phone on faq-public', 30, 25),
    alert(61, I.acmePlan, I.acme, I.acmeTickets, 'exact_match fell on acme-tickets', 5, null),
    alert(
      62,
      I.globexPlan,
      I.globex,
      I.globexTickets,
      'exact_match fell on globex-secret-tickets',
      4,
      null,
    ),
    alert(63, I.faqPlan, null, I.faq, 'exact_match fell on faq-public long ago', 200, 190),
  ]);
  await save(ModelCardNotes, [
    {
      modelId: I.model,
      intendedUse:
        'Answering customer questions about orders and accounts, in English, with a human agent able to take over.',
      outOfScope: 'Medical, legal or financial advice; any decision about a person.',
      contact: 'ml-team@example.com',
      updatedAt: at(10),
      updatedByKeyId: null,
    },
  ]);
}
