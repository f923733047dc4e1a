import { sha256Hex } from '@lastmile/hashing';
import type { MetricDefinition, MetricValue, ScoredInstance } from '../../scenario-kind';
import { estimate } from '../estimate';
import { groupByItem, type ItemSamples } from '../item-samples';
import { contributionsOf } from '../item-metrics';
import type { Subgroup } from '../subgroups';
import { canonicalPredicate, matchesPredicate } from './predicate';
import { parsePredicate } from './predicate-parser';

/** A subset a plan monitors beyond its breakdown attributes (an accepted bounty finding). */
export interface WatchedSubgroupSpec {
  /** The subgroup name its metrics are stored under: `watch:` and 10 hex of the predicate's hash. */
  label: string;
  predicate: string;
}

export const WATCH_PREFIX = 'watch:';

/** The stable label of a predicate: the same subset gets the same label on every plan. */
export function watchLabel(predicate: string): string {
  return `${WATCH_PREFIX}${sha256Hex(canonicalPredicate(parsePredicate(predicate))).slice(0, 10)}`;
}

/**
 * One subgroup per watched predicate, named by its label, holding the items it matches. A
 * predicate that no longer parses (it was stored under an older grammar) is skipped rather than
 * failing the run.
 */
export function watchedSubgroups(
  items: readonly ItemSamples[],
  watches: readonly WatchedSubgroupSpec[],
): Subgroup[] {
  return watches.flatMap((watch) => {
    let predicate;
    try {
      predicate = parsePredicate(watch.predicate);
    } catch {
      return [];
    }
    const members = items.filter((item) => matchesPredicate(predicate, item.attributes));
    return [{ name: watch.label, attribute: null, value: null, items: members }];
  });
}

/**
 * The run's item-level metrics on each watched subgroup, with the same estimates and intervals
 * as the breakdown subgroups (`estimate`); run-level statistics (gaps, parity) are left out. The
 * metric writer appends these rows to a kind's own: see docs/bounties.md, "Watched subgroups".
 */
export function watchedSubgroupMetrics(
  definitions: readonly MetricDefinition[],
  instances: readonly ScoredInstance[],
  watches: readonly WatchedSubgroupSpec[],
  options: { seed: number },
): MetricValue[] {
  if (watches.length === 0) return [];
  const items = groupByItem(instances);
  const itemLevel = definitions.filter((d) => d.level !== 'run');
  return watchedSubgroups(items, watches).flatMap((subgroup) =>
    subgroup.items.length === 0
      ? []
      : itemLevel.map((definition) => ({
          name: definition.name,
          subgroup: subgroup.name,
          ...estimate(
            definition.statKind,
            contributionsOf(definition, subgroup.items),
            options.seed,
          ),
        })),
  );
}
