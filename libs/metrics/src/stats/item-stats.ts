/** Per-item statistics keyed by item id, as a Map or a plain record. */
export type ItemStats<T> = ReadonlyMap<string, T> | Readonly<Record<string, T>>;

export function itemEntries<T>(stats: ItemStats<T>): [string, T][] {
  return stats instanceof Map ? [...stats.entries()] : Object.entries(stats as Record<string, T>);
}

// A few items missing from one run (failed requests, retries) should not cost the pairing.
const AUTO_PAIR_MIN_SHARE = 0.9;

/** Ids present in both runs, in the current run's order. */
export function sharedIds<A, B>(
  current: ReadonlyMap<string, A>,
  baseline: ReadonlyMap<string, B>,
): string[] {
  return [...current.keys()].filter((id) => baseline.has(id));
}

/**
 * Whether to pair: explicit when given; otherwise ('auto') when the shared ids make up at
 * least 90% of each run, i.e. essentially the same items were scored in both runs.
 */
export function shouldPair(
  requested: boolean | 'auto' | undefined,
  shared: number,
  currentSize: number,
  baselineSize: number,
): boolean {
  if (requested === true || requested === false) return requested;
  if (shared === 0) return false;
  return (
    shared >= AUTO_PAIR_MIN_SHARE * currentSize && shared >= AUTO_PAIR_MIN_SHARE * baselineSize
  );
}
