import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AlertMessage } from './alert-message';
import { pagerDutyPayload, slackPayload, webhookPayload } from './channel-payloads';

const message = (event: AlertMessage['event']): AlertMessage => ({
  event,
  at: '2025-01-01T00:00:00.000Z',
  note: event === 'acknowledged' ? 'looking' : null,
  alert: {
    id: 'a1',
    dedupKey: 'drift:p:s:all:wer',
    type: 'drift',
    status: 'open',
    severity: 'critical',
    title: 'wer worse on calls: 0.1 → 0.2',
    planId: 'p',
    modelId: 'm',
    tenantId: null,
    sliceId: 's',
    subgroup: 'all',
    metric: 'wer',
    seenCount: 1,
    openedAt: '2025-01-01T00:00:00.000Z',
    lastRunId: 'r',
  },
  evidence: {
    baseline: { value: 0.1, interval: [0.08, 0.12] },
    current: { value: 0.2, interval: [0.17, 0.23] },
    delta: 0.1,
    deltaInterval: [0.07, 0.13],
    test: 'paired-bootstrap',
    pValue: 0.0005,
    qValue: 0.001,
  },
  links: {
    alert: 'https://lm.example/v1/alerts/a1',
    console: 'https://lm.example/console/alerts/a1',
    report: 'https://lm.example/v1/runs/r/report',
    dashboard: null,
  },
});

describe('notification payloads', () => {
  it('sends the whole message to a generic webhook, versioned', () => {
    const body = webhookPayload(message('opened'));
    assert.equal(body.version, 1);
    assert.deepEqual((body.alert as { id: string }).id, 'a1');
    assert.equal(body.event, 'opened');
  });

  it('formats Slack incoming webhooks as text plus blocks with the evidence and links', () => {
    const body = slackPayload(message('opened')) as {
      text: string;
      blocks: { type: string; text?: { text: string }; elements?: { text: string }[] }[];
    };
    assert.equal(body.text, ':rotating_light: [CRITICAL] Opened: wer worse on calls: 0.1 → 0.2');
    assert.deepEqual(
      body.blocks.map((b) => b.type),
      ['section', 'section', 'context'],
    );
    assert.match(
      body.blocks[1].text!.text,
      /\*Baseline\* 0\.1 \[0\.08, 0\.12\] → \*now\* 0\.2 \[0\.17, 0\.23\]/,
    );
    assert.match(body.blocks[1].text!.text, /p = 0\.0005, q = 0\.001/);
    assert.match(
      body.blocks[2].elements![0].text,
      /<https:\/\/lm\.example\/v1\/runs\/r\/report\|Run report>/,
    );
    assert.match(
      body.blocks[2].elements![0].text,
      /<https:\/\/lm\.example\/console\/alerts\/a1\|Open in the console>/,
    );
  });

  it('maps events to PagerDuty Events API v2 actions on the alert dedup key', () => {
    const actions = (['opened', 'escalated', 'reopened', 'acknowledged', 'resolved'] as const).map(
      (event) => pagerDutyPayload(message(event), 'R0UTING').event_action,
    );
    assert.deepEqual(actions, ['trigger', 'trigger', 'trigger', 'acknowledge', 'resolve']);
    const body = pagerDutyPayload(message('opened'), 'R0UTING') as Record<string, unknown> & {
      payload: Record<string, unknown>;
    };
    assert.equal(body.routing_key, 'R0UTING');
    assert.equal(body.dedup_key, 'drift:p:s:all:wer');
    assert.deepEqual(
      [body.payload.summary, body.payload.severity, body.payload.source],
      ['[CRITICAL] Opened: wer worse on calls: 0.1 → 0.2', 'critical', 'lastmile/plan/p'],
    );
    assert.deepEqual((body.payload.custom_details as { alertId: string }).alertId, 'a1');
    assert.deepEqual((body.links as { href: string }[])[0], {
      href: 'https://lm.example/console/alerts/a1',
      text: 'Console',
    });
  });
});
