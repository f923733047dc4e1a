import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ScenarioItem } from '../scenario-kind';

/**
 * `sample`: a fixed stratified sample of a kind's built-in data, `{ perGroup, by, seed,
 * wholeUnits }`, or 'full' for every item. The same definition always selects the same items
 * (see stratifiedSample), so runs of one plan stay paired.
 */
export const sampleSchema = z.union([
  z.literal('full'),
  z.strictObject({
    perGroup: z.int('perGroup must be an integer').min(1, 'perGroup must be ≥ 1'),
    by: z.string().min(1, 'by names an item attribute'),
    seed: z.int('seed must be an integer').default(0),
    /**
     * false (default): exactly perGroup items per stratum, at most one unit split. true: whole
     * units only, so a stratum may get up to one unit's size − 1 more.
     */
    wholeUnits: z.boolean().default(false),
  }),
]);

/** What sampleSchema gives, or a fixed definition written in code (wholeUnits absent: false). */
export type SampleSpec =
  'full' | { perGroup: number; by: string; seed: number; wholeUnits?: boolean };

/**
 * A canonical text of the definition ('full' or 'by=category;perGroup=50;seed=7', with
 * ';wholeUnits' in that mode), for what must tell two samples apart: the slice name or version
 * key of a sampled slice.
 */
export function sampleKey(spec: SampleSpec): string {
  if (spec === 'full') return 'full';
  const key = `by=${spec.by};perGroup=${spec.perGroup};seed=${spec.seed}`;
  return spec.wholeUnits ? `${key};wholeUnits` : key;
}

/** A sample whose `by` no item carries: every item would fall into one stratum. */
export class SampleAttributeError extends Error {
  constructor(
    readonly attribute: string,
    readonly known: readonly string[],
  ) {
    super(
      `no item carries attribute "${attribute}"${known.length ? ` (the items carry: ${known.join(', ')})` : ''}`,
    );
  }
}

/** Why `spec` cannot stratify these items, or null: its `by` must be an attribute some item has. */
export function sampleAttributeError(
  items: readonly Pick<ScenarioItem, 'attributes'>[],
  spec: SampleSpec | undefined,
): SampleAttributeError | null {
  if (spec === undefined || spec === 'full') return null;
  const known = new Set<string>();
  for (const item of items) {
    if (item.attributes[spec.by] !== undefined) return null;
    for (const name of Object.keys(item.attributes)) known.add(name);
  }
  return new SampleAttributeError(spec.by, [...known].sort());
}

const rank = (seed: number, id: string) =>
  createHash('sha256').update(`${seed}\u0000${id}`).digest('hex');
const byRank = (a: { rank: string }, b: { rank: string }) =>
  a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0;

/**
 * The items of a stratified sample, in their original order. Items are grouped into units
 * (`unitOf`: a WinoBias pro/anti pair, BBQ's four examples of one filled template; by default
 * the item itself) and strata (the unit's first item's value of attribute `by`; items without
 * it form one stratum of their own). In each stratum, units are taken in the order of
 * sha256(seed, unit id) while they fit in `perGroup`; the first unit that does not fit gives
 * its items in the order of sha256(seed, item id) until the stratum holds exactly `perGroup`.
 * So every stratum holds exactly `perGroup` items (all of them when it is smaller), at most one
 * of its units is split, and adding or removing other items never changes which of a stratum's
 * units come first. With `wholeUnits` no unit is split: units are taken until at least
 * `perGroup` items are, up to one unit's size − 1 more. No spec (an unparsed config) is 'full'.
 * Throws SampleAttributeError when no item carries `by`.
 */
export function stratifiedSample<T extends Pick<ScenarioItem, 'id' | 'attributes'>>(
  items: readonly T[],
  spec: SampleSpec | undefined,
  unitOf: (item: T) => string = (item) => item.id,
): T[] {
  if (spec === undefined || spec === 'full') return [...items];
  const problem = sampleAttributeError(items, spec);
  if (problem) throw problem;
  const strata = new Map<string, Map<string, T[]>>();
  const unitStratum = new Map<string, string>();
  for (const item of items) {
    const unit = unitOf(item);
    const stratum = unitStratum.get(unit) ?? item.attributes[spec.by] ?? '';
    unitStratum.set(unit, stratum);
    const units = strata.get(stratum) ?? new Map<string, T[]>();
    units.set(unit, [...(units.get(unit) ?? []), item]);
    strata.set(stratum, units);
  }
  const chosen = new Set<T>();
  for (const units of strata.values()) {
    const ordered = [...units.entries()]
      .map(([unit, members]) => ({ members, rank: rank(spec.seed, unit) }))
      .sort(byRank);
    let taken = 0;
    for (const { members } of ordered) {
      if (taken >= spec.perGroup) break;
      const room = spec.perGroup - taken;
      const take =
        spec.wholeUnits || members.length <= room
          ? members
          : members
              .map((member) => ({ member, rank: rank(spec.seed, member.id) }))
              .sort(byRank)
              .slice(0, room)
              .map(({ member }) => member);
      for (const member of take) chosen.add(member);
      taken += take.length;
    }
  }
  return items.filter((item) => chosen.has(item));
}
