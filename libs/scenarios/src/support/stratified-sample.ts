import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ScenarioItem } from '../scenario-kind';

/**
 * `sample`: a fixed stratified sample of a kind's built-in data, `{ perGroup, by, seed }`, or
 * 'full' for every item. The same definition always selects the same items (see
 * stratifiedSample), so runs of one plan stay paired.
 */
export const sampleSchema = z.union([
  z.literal('full'),
  z.strictObject({
    perGroup: z.int('perGroup must be an integer').min(1, 'perGroup must be ≥ 1'),
    by: z.string().min(1, 'by names an item attribute'),
    seed: z.int('seed must be an integer').default(0),
  }),
]);

export type SampleSpec = z.output<typeof sampleSchema>;

/**
 * A canonical text of the definition ('full' or 'by=category;perGroup=50;seed=7'), for what
 * must tell two samples apart: the slice name or version key of a sampled slice.
 */
export function sampleKey(spec: SampleSpec): string {
  return spec === 'full' ? 'full' : `by=${spec.by};perGroup=${spec.perGroup};seed=${spec.seed}`;
}

function rank(seed: number, unit: string): string {
  return createHash('sha256').update(`${seed}\u0000${unit}`).digest('hex');
}

/**
 * The items of a stratified sample, in their original order. Items are grouped into units
 * (`unitOf`: a WinoBias pro/anti pair, BBQ's four examples of one filled template; by default
 * the item itself) and strata (the unit's first item's value of attribute `by`; items without
 * it form one stratum). In each stratum, units are taken in the order of sha256(seed, unit id)
 * until at least `perGroup` items are taken — so a stratum may get up to one unit's size − 1
 * more, a small stratum is taken whole, and adding or removing other items never changes which
 * of a stratum's units come first. No spec (an unparsed config) is 'full'.
 */
export function stratifiedSample<T extends Pick<ScenarioItem, 'id' | 'attributes'>>(
  items: readonly T[],
  spec: SampleSpec | undefined,
  unitOf: (item: T) => string = (item) => item.id,
): T[] {
  if (spec === undefined || spec === 'full') return [...items];
  const strata = new Map<string, Map<string, number>>();
  const unitStratum = new Map<string, string>();
  for (const item of items) {
    const unit = unitOf(item);
    const stratum = unitStratum.get(unit) ?? item.attributes[spec.by] ?? '';
    unitStratum.set(unit, stratum);
    const units = strata.get(stratum) ?? new Map<string, number>();
    units.set(unit, (units.get(unit) ?? 0) + 1);
    strata.set(stratum, units);
  }
  const chosen = new Set<string>();
  for (const units of strata.values()) {
    const ordered = [...units.entries()]
      .map(([unit, size]) => ({ unit, size, rank: rank(spec.seed, unit) }))
      .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
    let taken = 0;
    for (const { unit, size } of ordered) {
      if (taken >= spec.perGroup) break;
      chosen.add(unit);
      taken += size;
    }
  }
  return items.filter((item) => chosen.has(unitOf(item)));
}
