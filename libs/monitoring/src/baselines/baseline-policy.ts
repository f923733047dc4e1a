export interface BaselinePolicyInput {
  kind: 'first_n' | 'pinned' | 'rolling';
  n?: number;
  window?: number;
  compareAcrossVersions?: boolean;
}

export const DEFAULT_BASELINE_RUNS = 3;

/** Runs a baseline needs before drift is tested against it: n (first_n) or the window (rolling). */
export function requiredRuns(policy: BaselinePolicyInput): number {
  const n = policy.n ?? DEFAULT_BASELINE_RUNS;
  return policy.kind === 'rolling' ? (policy.window ?? n) : n;
}

export function isComplete(
  row: { pinned: boolean; runIds: readonly string[] },
  policy: BaselinePolicyInput,
): boolean {
  return row.pinned || row.runIds.length >= requiredRuns(policy);
}

/**
 * Whether a run joins its version's baseline afterwards: first_n until it holds n runs; rolling
 * always, unless the run drifted on that metric (a regression must not become the reference);
 * never under a pin, and never while first_n compares across versions with an earlier
 * version's baseline (the new version does not start its own).
 */
export function shouldJoinBaseline(
  policy: BaselinePolicyInput,
  state: { runs: number; drifted: boolean; comparedWithOtherVersion: boolean },
): boolean {
  switch (policy.kind) {
    case 'pinned':
      return false;
    case 'rolling':
      return !state.drifted;
    case 'first_n':
      return !state.comparedWithOtherVersion && state.runs < requiredRuns(policy);
  }
}
