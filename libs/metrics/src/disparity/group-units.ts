import {
  addUnit,
  MOMENTS,
  pairedUnits,
  totalMoments,
  type PairedUnits,
} from '../stats/paired-units';
import type { DisparityRecord } from './disparity.types';

/** Resampling units of every group, one after another, and which units belong to which group. */
export interface GroupUnits {
  /** Group names, sorted. */
  groups: string[];
  units: PairedUnits;
  /** Unit indices of each group (contiguous). */
  members: Int32Array[];
  /** Items of each group. */
  items: number[];
  /** Moments summed per group and over everything. */
  groupMoments: Float64Array[];
  total: Float64Array;
}

/**
 * Units are (group, cluster) pairs: a speaker heard in two groups (noise on and off) counts as
 * one unit in each, and the dependence between them is not modelled.
 */
export function groupUnits(records: readonly DisparityRecord[]): GroupUnits {
  const byGroup = new Map<string, DisparityRecord[]>();
  for (const record of records) {
    const list = byGroup.get(record.group);
    if (list) list.push(record);
    else byGroup.set(record.group, [record]);
  }
  const groups = [...byGroup.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const parts = groups.map((group) => pairedUnits(byGroup.get(group)!));
  const count = parts.reduce((sum, part) => sum + part.count, 0);
  const moments = new Float64Array(count * MOMENTS);
  const unitItems = new Int32Array(count);
  const members: Int32Array[] = [];
  let offset = 0;
  for (const part of parts) {
    moments.set(part.moments, offset * MOMENTS);
    unitItems.set(part.items, offset);
    members.push(Int32Array.from({ length: part.count }, (_, i) => offset + i));
    offset += part.count;
  }
  const units = { count, items: unitItems, moments };
  const groupMoments = members.map((unitsOfGroup) => {
    const sums = new Float64Array(MOMENTS);
    for (const unit of unitsOfGroup) addUnit(units, unit, sums);
    return sums;
  });
  return {
    groups,
    units,
    members,
    items: groups.map((group) => byGroup.get(group)!.length),
    groupMoments,
    total: totalMoments(units),
  };
}
