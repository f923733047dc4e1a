import type { ApiMetric } from './demo-types';

/** Plain step-by-step output: what the demo does, then what came back. */
let step = 0;

export function heading(text: string): void {
  step += 1;
  console.log(`\n== ${step}. ${text}`);
}

export function say(text: string): void {
  console.log(`   ${text}`);
}

export const pct = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`;

export function metricLine(metric: ApiMetric): string {
  return `${metric.name.padEnd(30)} ${metric.subgroup.padEnd(28)} ${pct(metric.value).padStart(7)}  [${pct(metric.ciLow)}, ${pct(metric.ciHigh)}]  n=${metric.n}`;
}
