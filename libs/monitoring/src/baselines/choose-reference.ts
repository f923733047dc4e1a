import { isComplete, type BaselinePolicyInput } from './baseline-policy';
import { scoringOfVersionKey } from './version-key';

/** A stored baseline as the chooser needs it (its item stats are loaded once it is chosen). */
export interface BaselineCandidate {
  id: string;
  sliceId: string;
  versionKey: string;
  runIds: string[];
  pinned: boolean;
  updatedAt: Date;
}

export interface ReferenceChoice<T extends BaselineCandidate> {
  /** What this run is compared with; null while no complete baseline exists. */
  reference: T | null;
  /** The run's own version's (non-pinned) baseline on this slice, if any. */
  own: T | null;
  /** The reference is another model or slice version's baseline. */
  otherVersion: boolean;
}

/**
 * The baseline of one (slice, subgroup, metric) for a run, among the plan's rows for the slice
 * and its other versions (same name and tenant): under a pin, the latest pinned row; otherwise
 * the run's own version's baseline once complete; with compareAcrossVersions, until then, the
 * latest complete baseline of another version (how a model update is checked against the one
 * before). Never a baseline scored another way (another normalizer or judge): a scoring change
 * starts a new baseline, pinned or not, instead of raising a false drift.
 */
export function chooseReference<T extends BaselineCandidate>(
  candidates: readonly T[],
  run: { sliceId: string; versionKey: string },
  policy: BaselinePolicyInput,
): ReferenceChoice<T> {
  const latest = (rows: T[]) =>
    rows.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0] ?? null;
  const scoring = scoringOfVersionKey(run.versionKey);
  candidates = candidates.filter((row) => scoringOfVersionKey(row.versionKey) === scoring);
  if (policy.kind === 'pinned') {
    return {
      reference: latest(candidates.filter((row) => row.pinned)),
      own: null,
      otherVersion: false,
    };
  }
  const own =
    candidates.find(
      (row) => !row.pinned && row.sliceId === run.sliceId && row.versionKey === run.versionKey,
    ) ?? null;
  if (own && isComplete(own, policy)) return { reference: own, own, otherVersion: false };
  if (!policy.compareAcrossVersions) return { reference: null, own, otherVersion: false };
  const previous = latest(
    candidates.filter((row) => !row.pinned && row !== own && isComplete(row, policy)),
  );
  return { reference: previous, own, otherVersion: previous !== null };
}
