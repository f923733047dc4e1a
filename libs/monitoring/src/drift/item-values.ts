import type { InstanceStats, MetricDefinition, ScoredInstance } from '@lastmile/scenarios';
import { ItemIds, ItemValues, knownPositions, type ItemValue } from './item-value-columns';

export type { ItemValue } from './item-value-columns';

/** metric -> subgroup ('all' | 'attr=value') -> each item's contribution (see ItemValues). */
export type ItemValueSet = Record<string, Record<string, ItemValues>>;

/** A subgroup named by a label rather than by attribute values (a watched bounty finding). */
export interface LabelledSubgroup {
  label: string;
  matches: (attributes: Readonly<Record<string, string>>) => boolean;
}

/**
 * Per-item values of every metric, overall and per subgroup: what paired drift tests compare.
 * Samples of one item are grouped and reduced by the metric's own itemValue. `subgroups` names
 * the subgroups to build (what the kind reports: 'attr=value' and cross cells 'a=x&b=y'); by
 * default every attribute value, except an attribute with one value for every item (that
 * subgroup is 'all' again: it would be tested, and alert, twice). `labelled` subgroups (watched
 * findings) hold the items their predicate matches.
 */
export function itemValuesFor(
  metrics: readonly MetricDefinition[],
  instances: readonly ScoredInstance[],
  subgroups?: readonly string[],
  labelled: readonly LabelledSubgroup[] = [],
): ItemValueSet {
  const byItem = new Map<
    string,
    { attributes: Record<string, string>; samples: InstanceStats[] }
  >();
  for (const instance of instances) {
    const entry = byItem.get(instance.itemId) ?? { attributes: instance.attributes, samples: [] };
    entry.samples.push(instance.stats);
    byItem.set(instance.itemId, entry);
  }
  const itemIds = [...byItem.keys()];
  const entries = [...byItem.values()];
  const attributes = entries.map((e) => e.attributes);
  const memberships = subgroupMemberships(attributes, subgroups);
  attributes.forEach((attrs, index) => {
    for (const subgroup of labelled)
      if (subgroup.matches(attrs)) memberships[index].push(subgroup.label);
  });
  // Each subgroup's items, by position, in the order subgroups are first met: built once and
  // shared by every metric whose value every item has.
  const members = new Map<string, number[]>([['all', itemIds.map((_, i) => i)]]);
  memberships.forEach((names, index) => {
    for (const name of names) (members.get(name) ?? members.set(name, []).get(name)!).push(index);
  });
  const allIds = new ItemIds(itemIds);
  const sharedIds = new Map<string, ItemIds>([['all', allIds]]);
  const idsOf = (name: string, positions: readonly number[]) => {
    let ids = sharedIds.get(name);
    if (!ids) {
      ids = new ItemIds(positions.map((i) => itemIds[i]));
      knownPositions(ids, allIds, Int32Array.from(positions));
      sharedIds.set(name, ids);
    }
    return ids;
  };
  const result: ItemValueSet = {};
  for (const metric of metrics) {
    const num = new Float64Array(itemIds.length);
    const den = new Float64Array(itemIds.length);
    const valid = new Uint8Array(itemIds.length);
    let allValid = true;
    entries.forEach(({ samples }, i) => {
      const value = metric.itemValue(samples);
      if (!value || !Number.isFinite(value.num) || !Number.isFinite(value.den)) {
        allValid = false;
        return;
      }
      num[i] = value.num;
      den[i] = value.den;
      valid[i] = 1;
    });
    const values: Record<string, ItemValues> = {};
    for (const [name, positions] of members) {
      const kept = allValid ? positions : positions.filter((i) => valid[i] === 1);
      if (kept.length === 0) continue;
      const keptNum = new Float64Array(kept.length);
      const keptDen = new Float64Array(kept.length);
      for (let k = 0; k < kept.length; k++) {
        keptNum[k] = num[kept[k]];
        keptDen[k] = den[kept[k]];
      }
      const ids = allValid ? idsOf(name, positions) : kept.map((i) => itemIds[i]);
      values[name] = ItemValues.fromColumns(ids, keptNum, keptDen);
    }
    result[metric.name] = values;
  }
  return result;
}

/** An item-value set from its keyed JSON form (`lastmile run --json`, tests). */
export function itemValueSetOf(
  keyed: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, ItemValue>>>>>>,
): ItemValueSet {
  const out: ItemValueSet = {};
  for (const [metric, subgroups] of Object.entries(keyed)) {
    out[metric] = {};
    for (const [subgroup, items] of Object.entries(subgroups))
      out[metric][subgroup] = ItemValues.fromRecord(items);
  }
  return out;
}

/** For each item (by its attributes), the subgroups it belongs to besides 'all'. */
function subgroupMemberships(
  attributes: readonly Record<string, string>[],
  subgroups: readonly string[] | undefined,
): string[][] {
  if (subgroups) {
    // Each item's name in every attribute family ('accent', 'accent&noise') the subgroups use,
    // kept when it is one of them: families × items, not subgroups × items.
    const wanted = new Set(subgroups.filter((name) => name !== 'all'));
    const families = [
      ...new Set(
        [...wanted].map((name) =>
          name
            .split('&')
            .map((part) => part.slice(0, part.indexOf('=')))
            .join('&'),
        ),
      ),
    ].map((family) => family.split('&'));
    return attributes.map((attrs) => {
      const names: string[] = [];
      for (const keys of families) {
        if (!keys.every((key) => attrs[key] !== undefined)) continue;
        const name = keys.map((key) => `${key}=${attrs[key]}`).join('&');
        if (wanted.has(name)) names.push(name);
      }
      return names;
    });
  }
  const values = new Map<string, Set<string>>();
  const carriers = new Map<string, number>();
  for (const attrs of attributes)
    for (const [key, value] of Object.entries(attrs)) {
      (values.get(key) ?? values.set(key, new Set()).get(key)!).add(value);
      carriers.set(key, (carriers.get(key) ?? 0) + 1);
    }
  const sameForAll = new Set(
    [...values]
      .filter(([key, set]) => set.size === 1 && carriers.get(key) === attributes.length)
      .map(([key]) => key),
  );
  return attributes.map((attrs) =>
    Object.entries(attrs)
      .filter(([key]) => !sameForAll.has(key))
      .map(([key, value]) => `${key}=${value}`),
  );
}
