import type { DemoApiClient } from './demo-api-client';
import { pct, say } from './demo-printer';
import type { ApiAlert } from './demo-types';

type Span = [number, number] | null;

interface WorstItem {
  itemId: string;
  baseline: number | null;
  current: number;
  references: string[] | null;
  responses: string[];
}

interface Finding {
  kind: string;
  metric: string;
  subgroup: string;
  severity: string;
  test: string | null;
  qValue: number | null;
  evidence: {
    baseline?: { value: number | null; interval: Span; runIds?: string[] };
    current?: { value: number | null; interval: Span; n: number };
    delta?: number;
    deltaInterval?: Span;
    test?: string;
    pValue?: number;
    qValue?: number;
    attribute?: string;
    hurtGroup?: string;
    restDelta?: number;
    contrast?: number;
    contrastInterval?: Span;
    groups?: {
      group: string;
      n: number;
      baseline: { value: number; interval: Span };
      current: { value: number; interval: Span };
      delta: number;
    }[];
    gap?: number;
    gapInterval?: Span;
    worstGroup?: { value: string };
    bestGroup?: { value: string };
    tolerance?: number;
    worstItems?: WorstItem[];
    links?: { report: string; dashboard: string | null };
    condition?: {
      summary: string | null;
      groups: { subgroup: string; label: string; n: number; summary: string }[];
      recordings: {
        itemId: string;
        attributes: Record<string, string>;
        snrDb: number | null;
        tonalPeaks: string | null;
        transcript: string | null;
        audio: string | null;
      }[];
    };
    judge?: {
      id: string;
      model: string | null;
      version: string;
      rubric: string;
      calibration?: { paired: number; worse: number; better: number };
    };
  };
}

export type IncidentDetail = ApiAlert & { findings?: Finding[] };

const points = (x: number | undefined) =>
  x === undefined ? '—' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} points`;
const span = (s: Span | undefined) => (s ? `[${pct(s[0])}, ${pct(s[1])}]` : '');
/** A change's interval in points, printed after the change: "+39.4 points [+3.6, +70.1]". */
const pointsSpan = (s: Span | undefined) =>
  s ? `[${s.map((x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}`).join(', ')}]` : '';
const q = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : x.toPrecision(2);

const ORDER = ['condition_drift', 'drift', 'disparity_drift', 'fairness_gap'];

/** The incidents a run's monitoring left open, one per cause, printed; returns how many. */
export async function printIncidents(api: DemoApiClient, runId: string): Promise<number> {
  const monitoring = await api.get<{ status: string; incidents?: { id: string }[] }>(
    `/v1/runs/${runId}/monitoring?wait=60`,
  );
  const incidents = await Promise.all(
    (monitoring.incidents ?? []).map((i) => api.get<IncidentDetail>(`/v1/alerts/${i.id}`)),
  );
  if (incidents.length === 0)
    say(`no incident was raised (monitoring ${monitoring.status}; see the run report)`);
  incidents.sort((a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type));
  if (incidents.length > 1) say(`${incidents.length} incidents open, one per cause:`);
  for (const incident of incidents) printIncident(incident);
  return incidents.length;
}

/** What on-call reads first: one incident, its cause in words, its strongest findings. */
export function printIncident(incident: IncidentDetail): void {
  const findings = incident.findings ?? [];
  say(`INCIDENT [${incident.severity}] ${incident.type}: ${incident.title}`);
  if (incident.type === 'disparity_drift') printDisparity(findings);
  else if (incident.type === 'condition_drift') printCondition(findings);
  else if (incident.type === 'drift') printDrift(findings);
  else if (incident.type === 'judge_drift') printJudgeDrift(findings);
  else if (incident.type === 'fairness_gap') printFairness(findings);
  else say(`  ${findings.length} findings`);
  const links = findings[0]?.evidence.links;
  if (links)
    say(`  report ${links.report}${links.dashboard ? `, dashboard ${links.dashboard}` : ''}`);
}

function printDrift(findings: Finding[]): void {
  const overall = findings.filter((f) => f.subgroup === 'all');
  say(
    `  ${findings.length} findings: ${overall.map((f) => f.metric).join(', ')} overall, and ${findings.length - overall.length} by group`,
  );
  const wer = overall.find((f) => f.metric === 'wer') ?? findings[0];
  if (!wer) return;
  const e = wer.evidence;
  const change = e.delta ?? (e.current?.value ?? NaN) - (e.baseline?.value ?? NaN);
  const test = wer.kind === 'cusum' ? 'CUSUM' : `${e.test}, q=${q(e.qValue)}`;
  say(
    `  ${wer.metric} ${wer.subgroup}: baseline ${pct(e.baseline?.value)} ${span(e.baseline?.interval)} from ${e.baseline?.runIds?.length ?? 0} runs`,
  );
  say(
    `  now ${pct(e.current?.value)} ${span(e.current?.interval)}, n=${e.current?.n}; change ${points(change)} ${span(e.deltaInterval)} by ${test}`,
  );
  printWorst(e.worstItems);
}

/** Each gap beyond the tolerance: a magnitude with its own interval, or worst vs best group. */
function printFairness(findings: Finding[]): void {
  for (const finding of findings) {
    const e = finding.evidence;
    const value = e.gap ?? e.current?.value;
    const interval = e.gapInterval ?? e.current?.interval;
    const groups = e.worstGroup ? ` (${e.worstGroup.value} vs ${e.bestGroup?.value})` : '';
    say(
      `  ${finding.metric} ${finding.subgroup}${groups}: ${pct(value)} ${span(interval)} beyond the tolerance ${pct(e.tolerance)} (${e.test}, q=${q(finding.qValue ?? e.qValue)})`,
    );
  }
}

function printJudgeDrift(findings: Finding[]): void {
  const headline =
    findings.find((f) => f.metric === 'judge_human_agreement' && f.subgroup === 'all') ??
    findings[0];
  if (!headline) return;
  const e = headline.evidence;
  const judge = e.judge;
  if (judge) {
    say(`  judge ${judge.model ?? ''} ${judge.id}, rubric v${judge.version}:`);
    say(`    "${judge.rubric}"`);
  }
  const c = judge?.calibration;
  say(
    `  agreement with people ${pct(e.baseline?.value)} → ${pct(e.current?.value)}` +
      (c ? `: ${c.worse} of ${c.paired} answers lost agreement, ${c.better} gained` : '') +
      ` (${e.test}, p=${q(e.pValue)})`,
  );
  const groups = findings.filter((f) => f.metric === headline.metric && f.subgroup !== 'all');
  if (groups.length) say(`  also by group: ${groups.map((f) => f.subgroup).join(', ')}`);
}

function printDisparity(findings: Finding[]): void {
  for (const finding of findings.filter((f) => f.metric === 'wer').slice(0, 2)) {
    const e = finding.evidence;
    say(
      `  ${e.hurtGroup} hurt more than the other ${e.attribute ?? ''} groups: ${finding.metric} ${points(e.delta)} against ${points(e.restDelta)}; contrast ${points(e.contrast)} ${pointsSpan(e.contrastInterval)} by ${e.test}, q=${q(e.qValue)}`,
    );
    for (const group of e.groups ?? [])
      say(
        `    ${group.group.padEnd(24)} ${pct(group.baseline.value).padStart(6)} → ${pct(group.current.value).padStart(6)}  (${points(group.delta)}, n=${group.n})`,
      );
    printWorst(e.worstItems);
  }
  const named = [...new Set(findings.map((f) => f.subgroup))];
  say(`  groups named across ${findings.length} findings: ${named.join(', ')}`);
}

function printCondition(findings: Finding[]): void {
  const condition = findings.find((f) => f.evidence.condition)?.evidence.condition;
  if (!condition) return;
  say(`  all recordings: ${condition.summary ?? 'see the groups'}`);
  for (const group of condition.groups) say(`  ${group.label} (n=${group.n}): ${group.summary}`);
  for (const r of condition.recordings.slice(0, 2))
    say(
      `  worst: ${r.itemId} (${Object.values(r.attributes).join(', ')}): SNR ${fmt(r.snrDb)} dB, ${r.tonalPeaks || 'no tonal peak'}, heard as "${r.transcript ?? ''}"; audio ${r.audio ?? '—'}`,
    );
  const tested = findings.map(
    (f) => `${f.metric}${f.subgroup === 'all' ? '' : ` (${f.subgroup})`}`,
  );
  say(
    `  ${findings.length} findings: ${tested.slice(0, 6).join(', ')}${tested.length > 6 ? ', …' : ''}`,
  );
}

const fmt = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : Number(x.toPrecision(3)).toString();

function printWorst(items: WorstItem[] | undefined): void {
  for (const item of (items ?? []).slice(0, 2))
    say(
      `  worst: ${item.itemId}: "${item.references?.[0] ?? ''}" heard as "${item.responses?.[0] ?? ''}" (item ${pct(item.baseline)} → ${pct(item.current)})`,
    );
}
