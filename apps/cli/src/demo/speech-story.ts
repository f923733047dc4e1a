import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DemoApiClient } from './demo-api-client';
import { heading, metricLine, pct, say } from './demo-printer';
import { buildWardSlice, DEMO_PHRASES, DEMO_VOICES, writePhraseGrammar } from './demo-speech-slice';
import type { ApiMetric, ApiModel, ApiResource, ApiRun, ApiSlice, ApiTenant } from './demo-types';
import { startWebhookReceiver } from './demo-webhook-receiver';
import { printIncidents } from './incident-printer';
import { waitFor, waitForRun } from './wait-for-run';

const WEBHOOK_SECRET = `whsec_demo_${randomBytes(12).toString('hex')}`;
const TENANT = { slug: 'st-elsewhere', name: 'St. Elsewhere Hospital' };
const POLICIES = {
  baselinePolicy: { kind: 'first_n', n: 2, compareAcrossVersions: true },
  alertPolicy: {
    alpha: 0.05,
    minEffect: 0.05,
    fairnessTolerance: 0.2,
    severity: { warning: 0.05, critical: 0.2 },
  },
  // A recording the recognizer has heard is not sent again (same audio, same model).
  cacheResponses: true,
};

/**
 * Steps 2–6: the ward's recognizer and transcribed test set; its untranscribed recordings every
 * day as a monitoring slice; the new equipment's hum raising a condition alert from the audio
 * alone; then the transcribed re-recording confirming the WER drift and who it hurts.
 */
export async function speechStory(
  api: DemoApiClient,
  home: string,
  stamp: string,
): Promise<{ reportPath: string | null }> {
  heading("The real speech recognizer and the hospital's own last-mile slice");
  const work = resolve(home, 'demo', stamp);
  mkdirSync(work, { recursive: true });
  const grammar = writePhraseGrammar(join(work, 'ward-phrases.jsgf'));
  const model = await registerRecognizer(api, grammar, stamp);
  say(
    `registered ${model.name}@${model.version}: Debian's pocketsphinx with the ward's phrase grammar, through the command adapter (-time yes: word posteriors as its confidence)`,
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
  const clean = await buildWardSlice(join(work, 'clean'), 'clean');
  const slices = `/v1/tenants/${tenant.slug}/slices`;
  const dictation = await customer.upload<ApiSlice>(
    slices,
    'ward-7-dictation',
    'ward-7.tar.gz',
    clean.labelled,
  );
  say(
    `the customer uploaded its transcribed test set ${dictation.name} v${dictation.version}: ${dictation.itemCount} utterances with references`,
  );

  heading('The labelled plan runs until it has a baseline');
  const receiver = await startWebhookReceiver();
  // The ward signs its webhook with a secret it stores itself (sealed, write-only).
  await customer.put(`/v1/tenants/${tenant.slug}/secrets/ward-webhook`, { value: WEBHOOK_SECRET });
  // The recognizer's answers are JSON with its confidence (the adapter reads -time yes).
  const scenario = await api.post<ApiResource>('/v1/scenarios', {
    name: `demo-asr-${stamp}`,
    kind: 'asr',
    config: { response: 'json' },
  });
  const plan = (name: string, sliceId: string) =>
    api.post<ApiResource>('/v1/plans', {
      name,
      tenant: tenant.slug,
      modelId: model.id,
      scenarioId: scenario.id,
      sliceIds: [sliceId],
      ...POLICIES,
      channels: [{ kind: 'webhook', url: receiver.url, secret: 'ward-webhook' }],
    });
  const labelledPlan = await plan('St. Elsewhere ward 7 dictation', dictation.id);
  for (let i = 1; i <= 2; i++) {
    const run = await runPlan(api, labelledPlan.id);
    const wer = await metrics(api, run.id, 'wer');
    say(`baseline run ${i}: ${run.status}; WER ${pct(overall(wer))}`);
    if (i === 2)
      for (const metric of wer.filter((m) => m.subgroup.startsWith('accent=')))
        say(`  ${metricLine(metric)}`);
  }

  heading('Every day the ward uploads its recordings, untranscribed, as a monitoring slice');
  let recordings: ApiSlice | null = null;
  let monitoringPlan: ApiResource | null = null;
  for (let day = 1; day <= 2; day++) {
    recordings = await customer.upload<ApiSlice>(
      slices,
      'ward-7-recordings',
      `ward-7-day-${day}.tar.gz`,
      clean.unlabelled,
      'monitoring',
    );
    monitoringPlan ??= await plan('St. Elsewhere ward 7 recordings (unlabelled)', recordings.id);
    const run = await runPlan(api, monitoringPlan.id);
    const signals = await metrics(api, run.id);
    say(
      `day ${day}: ${recordings.name} v${recordings.version} (${recordings.purpose}, ${recordings.itemCount} recordings${recordings.created ? '' : ', the same content as before'}); run ${run.status}: ${signalLine(signals)}; ${signals.some((m) => m.name === 'wer') ? 'WER too' : 'no WER: there are no transcripts'}`,
    );
  }

  heading('Day 3: new imaging equipment on the ward — a 1 kHz hum and broadband noise');
  const hum = await buildWardSlice(join(work, 'hum'), 'hum');
  const humDay = await customer.upload<ApiSlice>(
    slices,
    'ward-7-recordings',
    'ward-7-day-3.tar.gz',
    hum.unlabelled,
    'monitoring',
  );
  say(`the ward's recordings of day 3, untranscribed: ${humDay.name} v${humDay.version}`);
  const conditionRun = await scheduledRun(api, monitoringPlan!.id, humDay.id);
  say(`scheduled run ${conditionRun.status}: ${signalLine(await metrics(api, conditionRun.id))}`);
  say('no one has transcribed a word of these recordings, and yet on-call is told:');
  await printIncidents(api, conditionRun.id);

  heading('The ward re-records and transcribes its test set: the labels confirm it');
  const relabelled = await customer.upload<ApiSlice>(
    slices,
    'ward-7-dictation',
    'ward-7.tar.gz',
    hum.labelled,
  );
  say(`the same utterances re-recorded and transcribed: ${relabelled.name} v${relabelled.version}`);
  await api.patch(`/v1/plans/${labelledPlan.id}`, { sliceIds: [relabelled.id] });
  const run = await runPlan(api, labelledPlan.id);
  const wer = await metrics(api, run.id, 'wer');
  say(`run ${run.status}; WER ${pct(overall(wer))}`);
  for (const metric of wer.filter((m) => m.subgroup.startsWith('accent=')))
    say(`  ${metricLine(metric)}`);
  const incidents = await printIncidents(api, run.id);

  await waitFor(
    async () => (receiver.received.length >= incidents + 1 ? true : undefined),
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

function registerRecognizer(api: DemoApiClient, grammar: string, stamp: string): Promise<ApiModel> {
  return api.post<ApiModel>('/v1/models', {
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
        '-time',
        'yes',
        '-logfn',
        '/dev/null',
      ],
      // Each word's posterior, averaged: the recognizer's confidence, a condition signal.
      output: 'pocketsphinx-time',
      limits: { concurrency: 2, timeoutMs: 60_000, maxRetries: 1 },
    },
  });
}

async function runPlan(api: DemoApiClient, planId: string): Promise<ApiRun> {
  const queued = await api.post<ApiRun>(`/v1/plans/${planId}/runs`);
  const run = await waitForRun(api, queued.id, 600_000);
  // The next run of the plan is compared with the baselines this one joins.
  await api.get(`/v1/runs/${run.id}/monitoring?wait=60`);
  return run;
}

/** Points the plan at the day's recordings and lets its schedule run it once. */
async function scheduledRun(api: DemoApiClient, planId: string, sliceId: string): Promise<ApiRun> {
  await api.patch(`/v1/plans/${planId}`, { sliceIds: [sliceId], cron: '*/5 * * * * *' });
  say('the plan runs on a schedule (every 5 seconds here); waiting for its next run…');
  const scheduled = await waitFor(
    async () =>
      (await api.get<ApiRun[]>(`/v1/runs?planId=${planId}`)).find((r) => r.trigger === 'schedule'),
    120_000,
    'a scheduled run',
  );
  await api.patch(`/v1/plans/${planId}`, { cron: null });
  return waitForRun(api, scheduled.id, 600_000);
}

const metrics = (api: DemoApiClient, runId: string, name?: string) =>
  api.get<ApiMetric[]>(`/v1/runs/${runId}/metrics${name ? `?name=${name}` : ''}`);

const overall = (rows: ApiMetric[]) => rows.find((m) => m.subgroup === 'all')?.value;

function signalLine(rows: ApiMetric[]): string {
  const value = (name: string) => rows.find((m) => m.name === name && m.subgroup === 'all')?.value;
  const db = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(1));
  return `SNR ${db(value('snr_db'))} dB, tonal peaks in ${pct(value('tonal_peak_rate'))}, empty transcripts ${pct(value('empty_transcript_rate'))}`;
}
