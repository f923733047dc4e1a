export type AlertSeverity = 'info' | 'warning' | 'critical';

const RANK: Record<AlertSeverity, number> = { info: 0, warning: 1, critical: 2 };

/**
 * Severity from the size of a bad change in metric units (|Δ| of a drift, the excess of a gap
 * over its tolerance, a CUSUM's estimated shift): critical from `critical` up, warning from
 * `warning` up, info below.
 */
export function severityFor(
  effect: number,
  thresholds: { warning: number; critical: number },
): AlertSeverity {
  const size = Math.abs(effect);
  if (size >= thresholds.critical) return 'critical';
  if (size >= thresholds.warning) return 'warning';
  return 'info';
}

export const severityRank = (severity: AlertSeverity): number => RANK[severity];

export const higherSeverity = (a: AlertSeverity, b: AlertSeverity): AlertSeverity =>
  RANK[b] > RANK[a] ? b : a;
