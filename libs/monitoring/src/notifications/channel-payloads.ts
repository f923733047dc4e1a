import type { AlertMessage } from './alert-message';
import { messageSummary } from './alert-message';

/** Generic webhook: the message itself, as JSON. */
export function webhookPayload(message: AlertMessage): Record<string, unknown> {
  return { version: 1, ...message };
}

const EMOJI: Record<AlertMessage['event'], string> = {
  opened: ':rotating_light:',
  escalated: ':arrow_double_up:',
  reopened: ':repeat:',
  acknowledged: ':eyes:',
  resolved: ':white_check_mark:',
};

const num = (x: unknown) => (typeof x === 'number' ? Number(x.toPrecision(4)).toString() : 'n/a');
const span = (x: unknown) =>
  Array.isArray(x) && x.length === 2 ? `[${num(x[0])}, ${num(x[1])}]` : 'n/a';

function evidenceLines(evidence: Record<string, unknown>): string[] {
  const baseline = evidence.baseline as { value?: unknown; interval?: unknown } | undefined;
  const current = evidence.current as { value?: unknown; interval?: unknown } | undefined;
  const lines: string[] = [];
  if (baseline && current) {
    lines.push(
      `*Baseline* ${num(baseline.value)} ${span(baseline.interval)} → *now* ${num(current.value)} ${span(current.interval)}`,
    );
  }
  if (evidence.delta !== undefined)
    lines.push(`*Δ* ${num(evidence.delta)} ${span(evidence.deltaInterval)}`);
  if (evidence.gap !== undefined)
    lines.push(
      `*Gap* ${num(evidence.gap)} ${span(evidence.gapInterval)} (tolerance ${num(evidence.tolerance)})`,
    );
  if (evidence.test !== undefined)
    lines.push(
      `*Test* ${String(evidence.test)}, p = ${num(evidence.pValue)}, q = ${num(evidence.qValue)}`,
    );
  if (evidence.reason !== undefined) lines.push(`*Reason* ${String(evidence.reason)}`);
  const run = evidence.run as { note?: unknown } | undefined;
  if (run && typeof run.note === 'string') lines.push(`_${run.note}_`);
  // An incident lists its findings, worst first: the page says what else moved with the headline.
  const findings = (evidence.findings ?? []) as { title?: unknown }[];
  if (findings.length > 1) {
    lines.push(`*Findings* (${findings.length}):`);
    for (const finding of findings.slice(0, MAX_FINDING_LINES))
      lines.push(`• ${String(finding.title)}`);
    if (findings.length > MAX_FINDING_LINES)
      lines.push(`• … ${findings.length - MAX_FINDING_LINES} more in the alert`);
  }
  return lines;
}

const MAX_FINDING_LINES = 5;

/** Slack incoming webhook: `text` for notifications and clients without blocks, plus blocks. */
export function slackPayload(message: AlertMessage): Record<string, unknown> {
  const text = `${EMOJI[message.event]} ${messageSummary(message)}`;
  const links = [
    message.links.console ? `<${message.links.console}|Open in the console>` : null,
    `<${message.links.alert}|Alert>`,
    message.links.report ? `<${message.links.report}|Run report>` : null,
    message.links.dashboard ? `<${message.links.dashboard}|Dashboard>` : null,
  ].filter(Boolean);
  const details = [
    ...evidenceLines(message.evidence),
    message.note ? `*Note* ${message.note}` : null,
  ].filter(Boolean);
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${text}*` } },
      ...(details.length
        ? [{ type: 'section', text: { type: 'mrkdwn', text: details.join('\n') } }]
        : []),
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `${message.alert.type} · ${message.alert.metric} · ${message.alert.subgroup} · ${links.join(' · ')}`,
          },
        ],
      },
    ],
  };
}

const PD_ACTION: Record<AlertMessage['event'], 'trigger' | 'acknowledge' | 'resolve'> = {
  opened: 'trigger',
  escalated: 'trigger',
  reopened: 'trigger',
  acknowledged: 'acknowledge',
  resolved: 'resolve',
};

/** PagerDuty Events API v2: one incident per alert dedup key, triggered, acknowledged, resolved. */
export function pagerDutyPayload(
  message: AlertMessage,
  routingKey: string,
): Record<string, unknown> {
  const links = [
    ...(message.links.console ? [{ href: message.links.console, text: 'Console' }] : []),
    { href: message.links.alert, text: 'Alert' },
    ...(message.links.report ? [{ href: message.links.report, text: 'Run report' }] : []),
    ...(message.links.dashboard ? [{ href: message.links.dashboard, text: 'Dashboard' }] : []),
  ].filter((link) => /^https?:\/\//.test(link.href));
  return {
    routing_key: routingKey,
    event_action: PD_ACTION[message.event],
    dedup_key: message.alert.dedupKey,
    payload: {
      summary: messageSummary(message).slice(0, 1024),
      severity: message.alert.severity,
      source: `lastmile/plan/${message.alert.planId}`,
      component: message.alert.metric,
      group: message.alert.subgroup,
      class: message.alert.type,
      timestamp: message.at,
      custom_details: { alertId: message.alert.id, note: message.note, evidence: message.evidence },
    },
    ...(links.length ? { links } : {}),
  };
}
