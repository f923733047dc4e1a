import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { Queue } from 'bullmq';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { NOTIFICATIONS_QUEUE } from '@lastmile/queue';
import { enqueueNotifications, missedNotifications } from '@lastmile/evaluation';
import { Database } from '@lastmile/persistence';
import { createKey, createTenant, type KeyView } from '../factories/api-resources';
import { waitFor } from '../support/poll';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import {
  createMonitoredPlan,
  planAlerts,
  planFindings,
  type AlertRow,
  type MonitoredPlan,
} from './support/monitored-plan';
import {
  startNotificationReceiver,
  type NotificationReceiver,
} from './support/notification-receiver';
import { toxicityAnswer, type ToxicityPhase } from './support/toxicity-fixture';

const WEBHOOK_SECRET = 'whsec_e2e_0f6c1d2b9a';
const PD_ROUTING_KEY = 'R0UT1NGKEYE2E4242';
const SLACK_TOKEN = 'xoxSlackPathSecret123';
const admin = bearer(TEST_ADMIN_KEY);
const TOXICITY_METRICS = ['lexicon_any_hit_rate', 'lexicon_hit_rate'];

describe('drift alerts on a model turning toxic, with notifications (API + runner + receivers)', () => {
  let t: TestApp;
  let model: ChatModelServer;
  let phase: ToxicityPhase = 'clean';
  let plan: MonitoredPlan;
  const receivers: Record<
    'webhook' | 'slack' | 'pagerduty' | 'flaky' | 'dead',
    NotificationReceiver
  > = {} as never;
  let oncall: KeyView;
  let ml: KeyView;
  let customer: KeyView;

  before(async () => {
    model = await startChatModelServer({ answer: (prompt) => toxicityAnswer(phase, prompt) });
    receivers.webhook = await startNotificationReceiver();
    receivers.slack = await startNotificationReceiver();
    receivers.pagerduty = await startNotificationReceiver({ okStatus: 202 });
    receivers.flaky = await startNotificationReceiver({ failFirst: 1 });
    receivers.dead = await startNotificationReceiver({ failFirst: 1_000_000 });
    t = await startTestApp({
      runner: true,
      env: {
        LASTMILE_PUBLIC_URL: 'https://lastmile.test',
        LASTMILE_GRAFANA_URL: 'https://grafana.test',
        // PagerDuty's events API is the operator's setting, never a channel's.
        LASTMILE_PAGERDUTY_EVENTS_URL: `${receivers.pagerduty.url}/v2/enqueue`,
      },
    });
    // The operator's own secrets (the plan has no tenant), stored sealed through the API.
    for (const [name, value] of [
      ['e2e-webhook', WEBHOOK_SECRET],
      ['e2e-pagerduty', PD_ROUTING_KEY],
      ['e2e-slack', `${receivers.slack.url}/services/T000/B000/${SLACK_TOKEN}`],
    ])
      await t.http.put(`/v1/secrets/${name}`).set(admin).send({ value }).expect(201);
    plan = await createMonitoredPlan(t, {
      baseUrl: model.baseUrl,
      scenario: { kind: 'toxicity', config: { prompts: 'tone_stems', samples: 1 } },
      plan: {
        // Critical from 0.7: the mild phase (+0.33 overall, +0.67 on provocative stems) is a warning,
        // the toxic one (+1) critical, so the incident escalates.
        alertPolicy: { severity: { warning: 0.05, critical: 0.7 }, autoResolveAfter: 2 },
        channels: [
          {
            kind: 'webhook',
            url: `${receivers.webhook.url}/hooks/lastmile`,
            secret: 'e2e-webhook',
          },
          { kind: 'slack', secret: 'e2e-slack' },
          { kind: 'pagerduty', secret: 'e2e-pagerduty' },
          { kind: 'webhook', url: `${receivers.flaky.url}/flaky` },
          { kind: 'webhook', url: `${receivers.dead.url}/dead` },
        ],
      },
    });
    const tenant = await createTenant(t);
    [oncall, ml, customer] = await Promise.all([
      createKey(t, 'oncall'),
      createKey(t, 'ml'),
      createKey(t, 'customer', tenant.id),
    ]);
  });

  after(async () => {
    await t.close();
    await model.close();
    await Promise.all(Object.values(receivers).map((r) => r.close()));
  });

  /** The plan's one drift incident: every toxicity metric and subgroup is a finding inside it. */
  const incident = async () => {
    const drift = (await planAlerts(t, plan.planId)).filter((a) => a.type === 'drift');
    assert.equal(drift.length, 1, 'one incident for the slice');
    return drift[0];
  };
  const pdEvents = (dedupKey: string) =>
    receivers.pagerduty
      .accepted()
      .filter((r) => r.body.dedup_key === dedupKey)
      .map((r) => r.body.event_action);
  const webhookEvents = (alertId: string) =>
    receivers.webhook
      .accepted()
      .filter((r) => (r.body.alert as { id: string }).id === alertId)
      .map((r) => r.body.event);
  const waitForPd = (dedupKey: string, actions: string[]) =>
    waitFor(
      async () =>
        JSON.stringify(pdEvents(dedupKey)) === JSON.stringify(actions) ? true : undefined,
      30_000,
      `PagerDuty ${actions.join(',')}`,
    );

  it('replays an unchanged model six times (three to fill the baseline) without an alert', async () => {
    for (let i = 0; i < 6; i++) assert.equal((await plan.run()).status, 'succeeded');
    assert.deepEqual(await planAlerts(t, plan.planId), []);
    const { body: baselines } = await t.http
      .get(`/v1/plans/${plan.planId}/baselines`)
      .set(admin)
      .expect(200);
    const all = baselines.find(
      (b: { metric: string; subgroup: string }) =>
        b.metric === 'lexicon_hit_rate' && b.subgroup === 'all',
    );
    assert.equal(all.runIds.length, 3, 'first_n: the first three runs');
    assert.equal(all.complete, true);
    assert.deepEqual(all.runValues, [0, 0, 0]);
  });

  it('opens one drift incident with the toxicity metrics as findings, one naming the provocative stems as hurt more, and notifies every channel once', async () => {
    phase = 'mild';
    const run = await plan.run();
    const alerts = await planAlerts(t, plan.planId);
    assert.deepEqual(
      alerts.map((a) => [a.type, a.status]).sort(),
      [
        ['disparity_drift', 'open'],
        ['drift', 'open'],
      ],
      'every metric and subgroup that moved on the slice: one drift incident; and one saying who is hurt',
    );
    const any = alerts.find((a) => a.type === 'drift')!;
    const all = await planFindings(t, plan.planId);
    const disparity = all.filter((f) => f.kind === 'disparity_drift');
    assert.ok(disparity.length > 0);
    assert.deepEqual(
      [...new Set(disparity.map((f) => f.subgroup))],
      ['tone=provocative'],
      'the toxic turn hit provocative stems only: they are named, the neutral ones never',
    );
    const findings = all.filter((f) => f.kind === 'drift');
    assert.ok(findings.length > 1);
    assert.ok(findings.every((f) => TOXICITY_METRICS.includes(f.metric)));
    assert.deepEqual(
      [...new Set(findings.map((f) => f.subgroup))].sort(),
      ['all', 'tone=provocative'],
      'neutral stems did not change',
    );
    assert.equal(
      any.severity,
      'warning',
      '+0.33 overall and +0.67 on provocative stems: past warning (0.05), short of critical (0.7)',
    );
    const { body: detail } = await t.http
      .get(`/v1/alerts/${any.id}`)
      .set(bearer(oncall.key))
      .expect(200);
    assert.deepEqual(
      detail.findings.map((f: { rank: number }) => f.rank),
      findings.map((_, i) => i + 1),
    );
    const evidence = detail.findings.find(
      (f: { metric: string; subgroup: string }) =>
        f.metric === 'lexicon_any_hit_rate' && f.subgroup === 'all',
    ).evidence;
    assert.equal(evidence.baseline.value, 0);
    assert.deepEqual(evidence.baseline.runIds.length, 3);
    assert.ok(Math.abs(evidence.current.value - 8 / 24) < 1e-9);
    assert.equal(evidence.current.interval.length, 2);
    assert.ok(Math.abs(evidence.delta - 8 / 24) < 1e-6);
    assert.ok(evidence.deltaInterval[0] > 0);
    // 24 items: below 30, the small-n paired test, with its power.
    assert.match(evidence.test, /^(mcnemar-exact|sign-flip-(exact|monte-carlo))$/);
    // It found +0.33; a change of the default minEffect (0.02) is out of reach of 24 items.
    assert.equal(evidence.power.status, 'underpowered');
    assert.ok(evidence.power.mde > 0.02 && evidence.power.mde < 8 / 24);
    assert.ok(evidence.pValue < 0.01 && evidence.qValue < 0.05);
    assert.deepEqual(evidence.n, { baseline: 24, current: 24 });
    assert.equal(evidence.worstItems.length, 5);
    assert.match(evidence.worstItems[0].responses[0], /fucking/);
    assert.match(evidence.worstItems[0].input, /./);
    assert.equal(evidence.links.report, `https://lastmile.test/v1/runs/${run.id}/report`);
    assert.match(
      evidence.links.dashboard,
      /^https:\/\/grafana\.test\/d\/lastmile-customer-slice\?var-slice=[0-9a-f-]{36}&var-metric=lexicon_any_hit_rate$/,
    );
    assert.deepEqual(
      detail.events.map((e: { event: string }) => e.event),
      ['opened'],
    );

    // Every channel hears of every alert once; the flaky one after a retry with the same key.
    for (const receiver of [
      receivers.webhook,
      receivers.slack,
      receivers.pagerduty,
      receivers.flaky,
    ]) {
      await waitFor(
        async () => (receiver.accepted().length === alerts.length ? true : undefined),
        30_000,
        'deliveries',
      );
    }
    const hook = receivers.webhook.accepted()[0];
    const expected = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(hook.raw).digest('hex')}`;
    assert.equal(hook.headers['x-lastmile-signature'], expected);
    assert.match(String(hook.headers['idempotency-key']), /^lm-/);
    assert.equal(hook.body.event, 'opened');
    const slack = receivers.slack.accepted()[0];
    assert.match(
      String(slack.body.text),
      /^:rotating_light: \[(WARNING|CRITICAL)\] Opened: lexicon_/,
    );
    assert.ok(Array.isArray(slack.body.blocks));
    assert.deepEqual(pdEvents(any.dedupKey), ['trigger']);
    const trigger = receivers.pagerduty.accepted().find((r) => r.body.dedup_key === any.dedupKey)!;
    assert.equal(trigger.body.routing_key, PD_ROUTING_KEY);
    assert.deepEqual((trigger.body.payload as { severity: string }).severity, 'warning');

    const flakyKeys = receivers.flaky.requests.map((r) => r.headers['idempotency-key']);
    assert.equal(
      receivers.flaky.requests.length,
      alerts.length + 1,
      'one failure, then each delivered once',
    );
    assert.equal(receivers.flaky.requests[0].status, 503);
    assert.ok(
      flakyKeys.slice(1).includes(flakyKeys[0]),
      'the retry carries the same idempotency key',
    );
    const attempts: { attempt: number; status: string; idempotency_key: string }[] =
      await t.dataSource.query(
        `SELECT attempt, status, idempotency_key FROM notifications WHERE idempotency_key = $1 ORDER BY at`,
        [flakyKeys[0]],
      );
    assert.deepEqual(
      attempts.map((a) => [a.attempt, a.status]),
      [
        [1, 'failed'],
        [2, 'delivered'],
      ],
    );
  });

  it('shows a channel that keeps failing in /health and in the Prometheus failure counter', async () => {
    const health = await waitFor(
      async () => {
        const { body } = await t.http.get('/health');
        return body.notifications.failingChannels.length > 0 ? body : undefined;
      },
      60_000,
      'the dead channel to show in /health',
    );
    assert.equal(health.status, 'degraded');
    assert.match(
      health.notifications.failingChannels[0].channel,
      /^webhook:127\.0\.0\.1:\d+:[0-9a-f]{12}$/,
    );
    assert.match(health.notifications.failingChannels[0].lastError, /answered 503/);
    const metrics = await t.http.get('/metrics').expect(200);
    const failures = /lastmile_notification_failures_total\{channel_kind="webhook"\} (\d+)/.exec(
      metrics.text,
    );
    assert.ok(failures && Number(failures[1]) >= 3);
  });

  it('updates the open alerts on a repeat finding, escalating (and notifying) only when severity rises', async () => {
    const before = await incident();
    phase = 'toxic';
    await plan.run();
    const after = await incident();
    assert.equal(after.id, before.id, 'no second incident for the same slice and cause');
    assert.equal(after.seenCount, 2);
    assert.equal(after.severity, 'critical');
    await waitForPd(after.dedupKey, ['trigger', 'trigger']);
    // Every channel hears of every event: count the webhook's deliveries once it has caught up with
    // PagerDuty's (counting earlier raced the escalation's own webhook delivery under load).
    await waitFor(
      async () =>
        receivers.webhook.accepted().length === receivers.pagerduty.accepted().length
          ? true
          : undefined,
      30_000,
      'the webhook to receive the escalations',
    );
    assert.deepEqual(webhookEvents(after.id), ['opened', 'escalated']);

    await plan.run();
    const again = await incident();
    assert.equal(again.seenCount, 3);
    const { body } = await t.http.get(`/v1/alerts/${again.id}`).set(admin).expect(200);
    assert.deepEqual(
      body.events.map((e: { event: string }) => e.event),
      ['opened', 'escalated', 'seen'],
    );
    // A repeat reaches no channel. (Counting all deliveries raced late ones of the escalations.)
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.deepEqual(webhookEvents(again.id), ['opened', 'escalated'], 'a repeat is not notified');
    assert.deepEqual(
      receivers.webhook.accepted().filter((r) => r.body.event === 'seen'),
      [],
      'no alert is notified of a repeat',
    );
    const [logged] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE event = 'seen')::int AS seen,
              count(*) FILTER (WHERE event = 'escalated')::int AS escalated FROM notifications`,
    );
    assert.ok(logged.escalated > 0, 'the notification log holds the escalations');
    assert.equal(logged.seen, 0, 'no notification of a repeat was even attempted');
  });

  it('lets on-call acknowledge with a note (PagerDuty acknowledge), and refuses a customer key', async () => {
    const alert = await incident();
    await t.http
      .post(`/v1/alerts/${alert.id}/ack`)
      .set(bearer(customer.key))
      .send({ note: 'mine' })
      .expect(403);
    const { body } = await t.http
      .post(`/v1/alerts/${alert.id}/ack`)
      .set(bearer(oncall.key))
      .send({ note: 'looking into it' })
      .expect(200);
    assert.equal(body.status, 'acknowledged');
    const ack = body.events.at(-1);
    assert.deepEqual(
      [ack.event, ack.note, ack.actorKeyId],
      ['acknowledged', 'looking into it', oncall.id],
    );
    await t.http.post(`/v1/alerts/${alert.id}/ack`).set(bearer(oncall.key)).expect(409);
    await waitForPd(alert.dedupKey, ['trigger', 'trigger', 'acknowledge']);
    await waitFor(
      async () => (webhookEvents(alert.id).includes('acknowledged') ? true : undefined),
      30_000,
      'webhook ack',
    );
  });

  it('auto-resolves after two consecutive clean runs, then reopens the same alert when the drift comes back', async () => {
    const alert = await incident();
    phase = 'clean';
    await plan.run();
    const once = await incident();
    assert.deepEqual([once.status, once.cleanRuns], ['acknowledged', 1]);
    await plan.run();
    const resolved = await planAlerts(t, plan.planId);
    assert.ok(
      resolved.every((a) => a.status === 'resolved'),
      'every drift alert cleared',
    );
    await waitForPd(alert.dedupKey, ['trigger', 'trigger', 'acknowledge', 'resolve']);

    phase = 'toxic';
    await plan.run();
    const reopened = await incident();
    assert.equal(reopened.id, alert.id, 'the same row is reopened');
    assert.equal(reopened.status, 'open');
    const { body } = await t.http.get(`/v1/alerts/${alert.id}`).set(admin).expect(200);
    assert.deepEqual(
      body.events.map((e: { event: string }) => e.event),
      ['opened', 'escalated', 'seen', 'acknowledged', 'resolved', 'reopened'],
    );
    assert.match(body.events[4].note, /auto-resolved after 2 clean runs/);
    await waitForPd(alert.dedupKey, ['trigger', 'trigger', 'acknowledge', 'resolve', 'trigger']);
    assert.deepEqual(
      (await planFindings(t, plan.planId)).filter((f) => f.kind === 'cusum'),
      [],
      'no CUSUM finding re-reports the jump',
    );
  });

  it('resolves through the API with a note, and lists the notification log', async () => {
    const alert = await incident();
    await t.http
      .post(`/v1/alerts/${alert.id}/resolve`)
      .set(bearer(customer.key))
      .send({})
      .expect(403);
    const { body } = await t.http
      .post(`/v1/alerts/${alert.id}/resolve`)
      .set(bearer(ml.key))
      .send({ note: 'rolled back the model' })
      .expect(200);
    assert.equal(body.status, 'resolved');
    assert.ok(body.resolvedAt);
    await t.http.post(`/v1/alerts/${alert.id}/resolve`).set(bearer(ml.key)).expect(409);
    // Opened, escalated, acknowledged, auto-resolved, reopened, resolved by hand.
    await waitForPd(alert.dedupKey, [
      'trigger',
      'trigger',
      'acknowledge',
      'resolve',
      'trigger',
      'resolve',
    ]);
    const resolvedDeliveries = async () => {
      const { body: detail } = await t.http.get(`/v1/alerts/${alert.id}`).set(admin).expect(200);
      const delivered = detail.notifications.filter(
        (n: { status: string; event: string }) =>
          n.status === 'delivered' && n.event === 'resolved',
      );
      return delivered.length === 8 ? detail : undefined;
    };
    const detail = await waitFor(
      resolvedDeliveries,
      30_000,
      'two resolutions × four working channels',
    );
    assert.equal(detail.events.at(-1).note, 'rolled back the model');
  });

  it('filters and pages the alert list, and hides alerts outside a customer’s tenant', async () => {
    const all = await planAlerts(t, plan.planId);
    const { body: open } = await t.http
      .get('/v1/alerts')
      .query({ plan: plan.planId, status: 'open' })
      .set(admin)
      .expect(200);
    assert.deepEqual(
      open.items.map((a: AlertRow) => a.id).sort(),
      all
        .filter((a) => a.status === 'open')
        .map((a) => a.id)
        .sort(),
    );
    const { body: critical } = await t.http
      .get('/v1/alerts')
      .query({ plan: plan.planId, severity: 'critical', type: 'drift' })
      .set(admin)
      .expect(200);
    assert.ok(
      critical.items.length > 0 && critical.items.every((a: AlertRow) => a.severity === 'critical'),
    );
    const { body: health } = await t.http
      .get('/v1/alerts')
      .query({ plan: plan.planId, type: 'health' })
      .set(admin)
      .expect(200);
    assert.deepEqual(health.items, []);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const { body } = await t.http
        .get('/v1/alerts')
        .query({ plan: plan.planId, limit: 2, ...(cursor ? { cursor } : {}) })
        .set(admin)
        .expect(200);
      seen.push(...body.items.map((a: AlertRow) => a.id));
      cursor = body.nextCursor ?? undefined;
    } while (cursor);
    assert.deepEqual([...seen].sort(), all.map((a) => a.id).sort(), 'pages cover every alert once');
    await t.http.get('/v1/alerts').query({ cursor: 'nonsense' }).set(admin).expect(400);

    const { body: mine } = await t.http.get('/v1/alerts').set(bearer(customer.key)).expect(200);
    assert.deepEqual(mine.items, []);
    await t.http.get(`/v1/alerts/${all[0].id}`).set(bearer(customer.key)).expect(404);
  });

  it('queues again a transition whose notifications never reached the queue (a crash after commit)', async () => {
    const alert = await incident();
    const [{ id: eventId }] = await t.dataSource.query(
      `INSERT INTO alert_events (alert_id, event, at) VALUES ($1, 'escalated', now() - interval '2 minutes') RETURNING id`,
      [alert.id],
    );
    const missed = await missedNotifications(new Database(t.dataSource).stores.alerts);
    assert.deepEqual(
      missed.map((m) => [m.alertEventId, m.channels[0].kind]),
      [
        [String(eventId), 'webhook'],
        [String(eventId), 'slack'],
        [String(eventId), 'pagerduty'],
        [String(eventId), 'webhook'],
        [String(eventId), 'webhook'],
      ],
    );
    const queue = new Queue(NOTIFICATIONS_QUEUE, { connection: t.queue.connection });
    try {
      await enqueueNotifications(queue, missed);
      await enqueueNotifications(queue, missed);
    } finally {
      await queue.close();
    }
    const escalations = () =>
      receivers.webhook.requests.filter((r) =>
        String(r.headers['idempotency-key']).includes(`-${eventId}-`),
      );
    await waitFor(
      async () => (escalations().length === 1 ? true : undefined),
      30_000,
      'the requeued delivery',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(
      escalations().length,
      1,
      'enqueued twice, delivered once: the job id is the idempotency key',
    );
    // Every channel has an attempt now (the dead one a failed one), so nothing is missed any more.
    const stillMissed = async () =>
      (await missedNotifications(new Database(t.dataSource).stores.alerts)).filter(
        (m) => m.alertEventId === String(eventId),
      );
    await waitFor(
      async () => ((await stillMissed()).length === 0 ? true : undefined),
      30_000,
      'attempts on every channel',
    );
  });

  it('never writes a secret or a Slack webhook path to the logs', () => {
    const text = t.logs.join('');
    for (const secret of [WEBHOOK_SECRET, PD_ROUTING_KEY, SLACK_TOKEN])
      assert.ok(!text.includes(secret), `${secret} leaked`);
    assert.ok(text.includes('notification delivered'));
  });
});
