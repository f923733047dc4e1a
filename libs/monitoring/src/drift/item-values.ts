import type { InstanceStats, MetricDefinition, ScoredInstance } from '@lastmile/scenarios';

export interface ItemValue {
  num: number;
  den: number;
}

/** metric -> subgroup ('all' | 'attr=value') -> item id -> the item's contribution. */
export type ItemValueSet = Record<string, Record<string, Record<string, ItemValue>>>;

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
  const attributes = [...byItem.values()].map((e) => e.attributes);
  const memberships = subgroupMemberships(attributes, subgroups);
  attributes.forEach((attrs, index) => {
    for (const subgroup of labelled)
      if (subgroup.matches(attrs)) memberships[index].push(subgroup.label);
  });
  const result: ItemValueSet = {};
  for (const metric of metrics) {
    const values: Record<string, Record<string, ItemValue>> = {};
    let index = 0;
    for (const [itemId, { samples }] of byItem) {
      const names = memberships[index++];
      const value = metric.itemValue(samples);
      if (!value || !Number.isFinite(value.num) || !Number.isFinite(value.den)) continue;
      (values.all ??= {})[itemId] = value;
      for (const name of names) (values[name] ??= {})[itemId] = value;
    }
    result[metric.name] = values;
  }
  return result;
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
