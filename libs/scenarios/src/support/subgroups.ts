import type { ItemSamples } from './item-samples';

export const ALL_SUBGROUP = 'all';

export interface Subgroup {
  /** 'all' or 'attribute=value'. */
  name: string;
  attribute: string | null;
  value: string | null;
  items: ItemSamples[];
}

export function subgroupName(attribute: string, value: string): string {
  return `${attribute}=${value}`;
}

/** Attribute names carried by any item, sorted. */
export function attributeNames(items: readonly ItemSamples[]): string[] {
  return [...new Set(items.flatMap((item) => Object.keys(item.attributes)))].sort();
}

/** Items per value of one attribute, values sorted; items without the attribute are left out. */
export function itemsByValue(
  items: readonly ItemSamples[],
  attribute: string,
): Map<string, ItemSamples[]> {
  const groups = new Map<string, ItemSamples[]>();
  for (const item of items) {
    const value = item.attributes[attribute];
    if (value === undefined) continue;
    const group = groups.get(value);
    if (group) group.push(item);
    else groups.set(value, [item]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * 'all' followed by one subgroup per value of each breakdown attribute. `breakdownBy` defaults
 * to every attribute the items carry, minus `exclude` (ids such as a counterfactual pair id,
 * which would give one subgroup per pair).
 */
export function subgroupsOf(
  items: readonly ItemSamples[],
  breakdownBy?: readonly string[],
  exclude: readonly string[] = [],
): Subgroup[] {
  const attributes = (breakdownBy ?? attributeNames(items)).filter((a) => !exclude.includes(a));
  const subgroups: Subgroup[] = [
    { name: ALL_SUBGROUP, attribute: null, value: null, items: [...items] },
  ];
  for (const attribute of attributes) {
    for (const [value, members] of itemsByValue(items, attribute)) {
      subgroups.push({ name: subgroupName(attribute, value), attribute, value, items: members });
    }
  }
  return subgroups;
}
