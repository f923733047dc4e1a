import type { DriftFinding } from '@lastmile/monitoring';
import { formatMetricChange, formatMetricInterval, formatMetricValue } from '@lastmile/reports';
import type { EvaluationResult } from './evaluation-result';

/**
 * A plain-text summary for people: run status, then metrics with intervals (each in its unit: a
 * rate as a percent, a count as a count), then the gate. `--json` keeps the raw numbers.
 */
export function formatSummary(result: EvaluationResult, findings: DriftFinding[] | null): string {
  const { run } = result;
  const lines = [
    `run ${run.id}: ${run.status} — ${run.done}/${run.total} instances, ${run.errors} errors`,
  ];
  if (run.errorSummary?.reason) lines.push(`reason: ${String(run.errorSummary.reason)}`);
  if (result.metrics.length) {
    lines.push(
      '',
      `${'metric'.padEnd(28)} ${'subgroup'.padEnd(30)} ${'value'.padStart(12)}  ${'95% interval'.padEnd(26)} ${'n'.padStart(6)}`,
    );
    for (const m of result.metrics) {
      const interval = formatMetricInterval(m.ciLow, m.ciHigh, m.unit) || '—';
      lines.push(
        `${m.name.padEnd(28)} ${m.subgroup.padEnd(30)} ${formatMetricValue(m.value, m.unit).padStart(12)}  ${interval.padEnd(26)} ${String(m.n).padStart(6)}`,
      );
    }
  }
  if (findings) {
    const units = new Map(result.metrics.map((m) => [m.name, m.unit]));
    const worse = findings.filter((f) => f.verdict === 'worse');
    lines.push('', `compared with the baseline: ${findings.length} tests, ${worse.length} worse`);
    for (const f of worse) {
      const unit = units.get(f.metric);
      lines.push(
        `  WORSE ${f.metric} [${f.subgroup}]: ${formatMetricValue(f.baselineValue, unit)} -> ${formatMetricValue(f.currentValue, unit)} ` +
          `(Δ ${formatMetricChange(f.delta, unit)}, ${f.test}, p=${f.pValue.toPrecision(3)}, q=${f.qValue.toPrecision(3)}, n=${f.n.current})`,
      );
    }
  }
  return lines.join('\n');
}
