/**
 * Surface overlap of two token sequences, as HELM's copyright metrics define it
 * (helm/benchmark/metrics/copyright_metrics.py): longest common prefix length, edit distance
 * (unit-cost Levenshtein over tokens) and edit similarity 1 − distance / max(|a|, |b|), 0 when
 * either is empty. Longest common substring (contiguous) is ours: HELM has none.
 */

/** Number of leading tokens the two sequences share. */
export function longestCommonPrefix(a: readonly string[], b: readonly string[]): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && a[i] === b[i]) i++;
  return i;
}

/** Length of the longest run of consecutive tokens found in both (dynamic programming, O(|a||b|)). */
export function longestCommonSubstring(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  let best = 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const run = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : 0;
      current[j] = run;
      if (run > best) best = run;
    }
    [previous, current] = [current, previous];
  }
  return best;
}

/** Unit-cost Levenshtein distance between token sequences; |longer| when one is empty. */
export function tokenEditDistance(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return Math.max(a.length, b.length);
  let previous = Uint32Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] =
        a[i - 1] === b[j - 1]
          ? previous[j - 1]
          : 1 + Math.min(current[j - 1], previous[j], previous[j - 1]);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/** 1 − distance / max(|a|, |b|); 0 when either is empty (HELM: an empty completion is not a copy). */
export function editSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  return 1 - tokenEditDistance(a, b) / Math.max(a.length, b.length);
}
