import type { DriftFinding } from '@lastmile/monitoring';
import type { EvaluationResult } from './evaluation-result';

const fmt = (value: number | null) => (value === null ? '—' : value.toFixed(4));

/** A plain-text summary for people: run status, then metrics with intervals, then the gate. */
export function formatSummary(result: EvaluationResult, findings: DriftFinding[] | null): string {
  const { run } = result;
  const lines = [
    `run ${run.id}: ${run.status} — ${run.done}/${run.total} instances, ${run.errors} errors`,
  ];
  if (run.errorSummary?.reason) lines.push(`reason: ${String(run.errorSummary.reason)}`);
  if (result.metrics.length) {
    lines.push(
      '',
      `${'metric'.padEnd(28)} ${'subgroup'.padEnd(30)} ${'value'.padStart(8)}  ${'95% interval'.padEnd(19)} ${'n'.padStart(6)}`,
    );
    for (const m of result.metrics) {
      lines.push(
        `${m.name.padEnd(28)} ${m.subgroup.padEnd(30)} ${fmt(m.value).padStart(8)}  [${fmt(m.ciLow)}, ${fmt(m.ciHigh)}]`.padEnd(
          90,
        ) + ` ${String(m.n).padStart(6)}`,
      );
    }
  }
  if (findings) {
    const worse = findings.filter((f) => f.verdict === 'worse');
    lines.push('', `compared with the baseline: ${findings.length} tests, ${worse.length} worse`);
    for (const f of worse) {
      lines.push(
        `  WORSE ${f.metric} [${f.subgroup}]: ${f.baselineValue.toFixed(4)} -> ${f.currentValue.toFixed(4)} ` +
          `(Δ ${f.delta >= 0 ? '+' : ''}${f.delta.toFixed(4)}, ${f.test}, p=${f.pValue.toPrecision(3)}, q=${f.qValue.toPrecision(3)}, n=${f.n.current})`,
      );
    }
  }
  return lines.join('\n');
}
