const fmt = (x: number | null | undefined) =>
  x === null || x === undefined ? 'n/a' : Number(x.toPrecision(3)).toString();

/** One line for lists, Slack and PagerDuty summaries. */
export function alertTitle(parts: {
  type: 'drift' | 'fairness_gap' | 'health' | 'cusum' | 'condition_drift' | 'judge_drift';
  metric: string;
  subgroup: string;
  sliceName?: string | null;
  planName?: string | null;
  from?: number | null;
  to?: number | null;
  /** judge_drift: the judge in words (model, id) and its rubric (version and opening words). */
  judge?: { name: string; rubric: string } | null;
}): string {
  const where = [parts.sliceName, parts.subgroup === 'all' ? null : parts.subgroup]
    .filter(Boolean)
    .join(' / ');
  const on = where ? ` on ${where}` : '';
  switch (parts.type) {
    case 'health':
      return `Run failed${parts.planName ? ` for plan ${parts.planName}` : ''}`;
    case 'fairness_gap':
      return `Fairness gap ${parts.metric}${on} beyond tolerance: ${fmt(parts.to)} > ${fmt(parts.from)}`;
    case 'cusum':
      return `Slow drift of ${parts.metric}${on}: ${fmt(parts.from)} → ${fmt(parts.to)}`;
    case 'condition_drift':
      return `Recording conditions changed${on}: ${parts.metric} ${fmt(parts.from)} → ${fmt(parts.to)}`;
    case 'judge_drift':
      return `Judge ${parts.judge?.name ?? 'unknown'} agrees less with people${on}: ${parts.metric} ${fmt(parts.from)} → ${fmt(parts.to)} (rubric ${parts.judge?.rubric ?? 'unknown'})`;
    case 'drift':
      return `${parts.metric} worse${on}: ${fmt(parts.from)} → ${fmt(parts.to)}`;
  }
}
