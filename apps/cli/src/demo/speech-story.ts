import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DemoApiClient } from './demo-api-client';
import { heading, metricLine, pct, say } from './demo-printer';
import { printIncident, type IncidentDetail } from './incident-printer';
import { buildWardSlice, DEMO_PHRASES, DEMO_VOICES, writePhraseGrammar } from './demo-speech-slice';
import type { ApiMetric, ApiModel, ApiResource, ApiRun, ApiSlice, ApiTenant } from './demo-types';
import { startWebhookReceiver } from './demo-webhook-receiver';
import { waitFor, waitForRun } from './wait-for-run';

const WEBHOOK_SECRET = `whsec_demo_${randomBytes(12).toString('hex')}`;
const TENANT = { slug: 'st-elsewhere', name: 'St. Elsewhere Hospital' };

/** Steps 2–4: the ward's speech slice, its baseline, the new equipment's hum, the alert. */
export async function speechStory(
  api: DemoApiClient,
  home: string,
  stamp: string,
): Promise<{ reportPath: string | null }> {
  heading("The real speech recognizer and the hospital's own last-mile slice");
  const work = resolve(home, 'demo', stamp);
  mkdirSync(work, { recursive: true });
  const grammar = writePhraseGrammar(join(work, 'ward-phrases.jsgf'));
  const model = await api.post<ApiModel>('/v1/models', {
    name: 'pocketsphinx-ward',
    version: stamp,
    modality: 'speech',
    adapter: {
      kind: 'command',
      argv: [
        'pocketsphinx_continuous',
        '-infile',
        '{audio}',
        '-jsgf',
        grammar,
        '-logfn',
        '/dev/null',
      ],
      limits: { concurrency: 2, timeoutMs: 60_000, maxRetries: 1 },
    },
  });
  say(
    `registered ${model.name}@${model.version}: Debian's pocketsphinx with the ward's phrase grammar, through the command adapter`,
  );
  const tenant = await api
    .get<ApiTenant>(`/v1/tenants/${TENANT.slug}`)
    .catch(() => api.post<ApiTenant>('/v1/tenants', TENANT));
  const customer = api.withKey(
    (
      await api.post<{ key: string }>('/v1/keys', {
        role: 'customer',
        tenant: tenant.slug,
        name: 'ward 7 upload key',
      })
    ).key,
  );
  say(`tenant "${tenant.name}" and a customer key bound to it`);
  say(
    `synthesizing ${DEMO_PHRASES.length} clinical phrases × ${DEMO_VOICES.length} accents (${DEMO_VOICES.join(', ')}) with espeak-ng + sox…`,
  );
  const clean = await customer.upload<ApiSlice>(
    `/v1/tenants/${tenant.slug}/slices`,
    'ward-7-dictation',
    'ward-7.tar.gz',
    await buildWardSlice(join(work, 'clean'), 'clean'),
  );
  say(
    `the customer uploaded slice ${clean.name} v${clean.version}: ${clean.itemCount} utterances (content ${clean.contentHash.slice(0, 12)}…)`,
  );

  heading('Runs of the speech plan until it has a baseline');
  const receiver = await startWebhookReceiver();
  // The ward signs its webhook with a secret it stores itself (sealed, write-only).
  await customer.put(`/v1/tenants/${tenant.slug}/secrets/ward-webhook`, {
    value: WEBHOOK_SECRET,
  });
  const scenario = await api.post<ApiResource>('/v1/scenarios', {
    name: `demo-asr-${stamp}`,
    kind: 'asr',
    config: {},
  });
  const plan = await api.post<ApiResource>('/v1/plans', {
    name: 'St. Elsewhere ward 7 dictation',
    tenant: tenant.slug,
    modelId: model.id,
    scenarioId: scenario.id,
    sliceIds: [clean.id],
    baselinePolicy: { kind: 'first_n', n: 2, compareAcrossVersions: true },
    alertPolicy: {
      alpha: 0.05,
      minEffect: 0.05,
      fairnessTolerance: 0.2,
      severity: { warning: 0.05, critical: 0.2 },
    },
    channels: [{ kind: 'webhook', url: receiver.url, secret: 'ward-webhook' }],
  });
  for (let i = 1; i <= 2; i++) {
    const run = await waitForRun(
      api,
      (await api.post<ApiRun>(`/v1/plans/${plan.id}/runs`)).id,
      600_000,
    );
    const metrics = await api.get<ApiMetric[]>(`/v1/runs/${run.id}/metrics?name=wer`);
    say(
      `baseline run ${i}: ${run.status}; WER ${pct(metrics.find((m) => m.subgroup === 'all')?.value)}`,
    );
    if (i === 2)
      for (const metric of metrics.filter((m) => m.subgroup.startsWith('accent=')))
        say(`  ${metricLine(metric)}`);
  }

  heading('The ward gets new imaging equipment: a 1 kHz hum and broadband noise');
  const hum = await customer.upload<ApiSlice>(
    `/v1/tenants/${tenant.slug}/slices`,
    'ward-7-dictation',
    'ward-7.tar.gz',
    await buildWardSlice(join(work, 'hum'), 'hum'),
  );
  say(`the same utterances re-recorded on the ward: slice ${hum.name} v${hum.version}`);
  await api.patch(`/v1/plans/${plan.id}`, { sliceIds: [hum.id], cron: '*/5 * * * * *' });
  say(
    'the plan now evaluates the new recordings every 5 seconds; waiting for the next scheduled run…',
  );
  const scheduled = await waitFor(
    async () =>
      (await api.get<ApiRun[]>(`/v1/runs?planId=${plan.id}`)).find((r) => r.trigger === 'schedule'),
    120_000,
    'a scheduled run',
  );
  await api.patch(`/v1/plans/${plan.id}`, { cron: null });
  const run = await waitForRun(api, scheduled.id, 600_000);
  const metrics = await api.get<ApiMetric[]>(`/v1/runs/${run.id}/metrics?name=wer`);
  say(`scheduled run ${run.status}; WER ${pct(metrics.find((m) => m.subgroup === 'all')?.value)}`);
  for (const metric of metrics.filter((m) => m.subgroup.startsWith('accent=')))
    say(`  ${metricLine(metric)}`);

  heading('The incidents on-call receives');
  const monitoring = await api.get<{ status: string; incidents?: { id: string }[] }>(
    `/v1/runs/${run.id}/monitoring?wait=60`,
  );
  const incidents = await Promise.all(
    (monitoring.incidents ?? []).map((i) => api.get<IncidentDetail>(`/v1/alerts/${i.id}`)),
  );
  if (incidents.length === 0)
    say(`no incident was raised (monitoring ${monitoring.status}; see the run report)`);
  const order = ['condition_drift', 'drift', 'disparity_drift', 'fairness_gap'];
  incidents.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
  say(`${incidents.length} incidents open on the plan, one per cause:`);
  for (const incident of incidents) printIncident(incident);
  await waitFor(
    async () => (receiver.received.length >= incidents.length ? true : undefined),
    30_000,
    'the webhook',
  ).catch(() => undefined);
  const first = receiver.received[0];
  if (first) {
    say(
      `the ward's on-call webhook received ${receiver.received.length} signed notifications; the first:`,
    );
    say(`  X-Lastmile-Signature: ${String(first.headers['x-lastmile-signature'])}`);
    say(`  ${JSON.stringify(first.body).slice(0, 400)}…`);
  }
  await receiver.close();
  const reportPath = join(work, `run-${run.id}.html`);
  writeFileSync(reportPath, await api.text(`/v1/runs/${run.id}/report`));
  return { reportPath };
}
