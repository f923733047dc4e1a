import { z } from 'zod';
import type { ItemSamples } from './item-samples';

export const ALL_SUBGROUP = 'all';

/**
 * What a kind breaks its metrics down by: attribute names, and attribute combinations for cross
 * cells (`[["accent", "noise"]]` gives subgroups such as `accent=en-029&noise=hum`).
 */
export type Breakdown = readonly (string | readonly string[])[];

export const breakdownSchema = z.array(
  z.union([
    z.string().min(1),
    z
      .array(z.string().min(1))
      .min(2, 'a cross cell combines at least two attributes')
      .max(4, 'a cross cell combines at most four attributes'),
  ]),
);

export interface Subgroup {
  /** 'all', 'attribute=value', or a cross cell 'a=x&b=y' (attributes in breakdown order). */
  name: string;
  /** The attribute (joined with '&' for a cross cell), null for 'all'. */
  attribute: string | null;
  value: string | null;
  items: ItemSamples[];
}

export function subgroupName(attribute: string, value: string): string {
  return `${attribute}=${value}`;
}

/** A subgroup name back into its attribute = value pairs ('all': none). */
export function subgroupConditions(name: string): [string, string][] {
  if (name === ALL_SUBGROUP) return [];
  return name.split('&').map((part) => {
    const at = part.indexOf('=');
    return [part.slice(0, at), part.slice(at + 1)];
  });
}

/** Attribute names carried by any item, sorted. */
export function attributeNames(items: readonly ItemSamples[]): string[] {
  return [...new Set(items.flatMap((item) => Object.keys(item.attributes)))].sort();
}

/**
 * Items per value of one attribute, values sorted; items without the attribute are left out. A
 * cross cell's attribute ('accent&noise') groups by the combination, keyed 'accent=x&noise=y'.
 */
export function itemsByValue(
  items: readonly ItemSamples[],
  attribute: string,
): Map<string, ItemSamples[]> {
  if (!attribute.includes('&')) {
    const byValue = new Map<string, ItemSamples[]>();
    for (const [name, members] of itemsByValues(items, [attribute]))
      byValue.set(name.slice(attribute.length + 1), members);
    return byValue;
  }
  return itemsByValues(items, attribute.split('&'));
}

/** A breakdown's entries as attribute names, a cross cell's joined with '&' ('accent&noise'). */
export function breakdownAttributes(breakdown: Breakdown): string[] {
  return breakdown.map((entry) => (typeof entry === 'string' ? entry : entry.join('&')));
}

/** Items per combination of values of the attributes (items missing any are left out), sorted. */
function itemsByValues(
  items: readonly ItemSamples[],
  attributes: readonly string[],
): Map<string, ItemSamples[]> {
  const groups = new Map<string, ItemSamples[]>();
  for (const item of items) {
    const values = attributes.map((attribute) => item.attributes[attribute]);
    if (values.some((value) => value === undefined)) continue;
    const key = attributes.map((attribute, i) => subgroupName(attribute, values[i]!)).join('&');
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * 'all' followed by one subgroup per value of each breakdown attribute (and per combination of
 * each cross cell). `breakdownBy` defaults to every attribute the items carry, minus `exclude`
 * (ids such as a counterfactual pair id, which would give one subgroup per pair). A subgroup that
 * holds every item (an attribute with one value throughout, `device=wideband`) is 'all' under
 * another name: it is left out, so it is neither reported nor tested twice.
 */
export function subgroupsOf(
  items: readonly ItemSamples[],
  breakdownBy?: Breakdown,
  exclude: readonly string[] = [],
): Subgroup[] {
  const breakdown = (breakdownBy ?? attributeNames(items)).filter(
    (entry) => typeof entry !== 'string' || !exclude.includes(entry),
  );
  const subgroups: Subgroup[] = [
    { name: ALL_SUBGROUP, attribute: null, value: null, items: [...items] },
  ];
  for (const entry of breakdown) {
    const attributes = typeof entry === 'string' ? [entry] : [...entry];
    const groups = itemsByValues(items, attributes);
    if (groups.size === 1 && [...groups.values()][0].length === items.length) continue;
    for (const [name, members] of groups) {
      const values = subgroupConditions(name).map(([, value]) => value);
      subgroups.push({
        name,
        attribute: attributes.join('&'),
        value: values.join('&'),
        items: members,
      });
    }
  }
  return subgroups;
}
