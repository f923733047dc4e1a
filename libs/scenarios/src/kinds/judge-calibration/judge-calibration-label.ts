import type { JudgeSettings } from '../../judges/judge-config';
import { passScoreOf } from '../../judges/judge-config';

/** What people said about a calibration item: a verdict, and a score when they gave one. */
export interface HumanVerdict {
  pass: boolean;
  score: number | null;
}

/**
 * A calibration item's label: `pass` or `fail`, or a score on the judge's scale (passing at its
 * pass score). Anything else is refused with the reason, before the judge is asked.
 */
export function humanVerdict(
  label: string | null | undefined,
  settings: JudgeSettings,
): HumanVerdict {
  const text = (label ?? '').trim().toLowerCase();
  if (text === 'pass' || text === 'fail') return { pass: text === 'pass', score: null };
  const score = Number(text);
  const { min, max } = settings.scale;
  if (text === '' || !Number.isFinite(score) || score < min || score > max)
    throw new RangeError(
      `the label must be pass, fail or a score from ${min} to ${max} (got ${JSON.stringify(label ?? null)})`,
    );
  return { pass: score >= passScoreOf(settings), score };
}
