import {
  addUnit,
  MOMENTS,
  pairedColumnsOf,
  pairedUnitsOfColumns,
  totalMoments,
  type PairedColumns,
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
 * Shared items as columns with each item's group: `group[k]` indexes `groupNames` (−1: in no
 * group, left out). The monitor builds this straight from its item values.
 */
export interface DisparityColumns extends PairedColumns {
  groupNames: readonly string[];
  group: Int32Array;
}

/**
 * Units are (group, cluster) pairs: a speaker heard in two groups (noise on and off) counts as
 * one unit in each, and the dependence between them is not modelled.
 */
export function groupUnits(records: readonly DisparityRecord[]): GroupUnits {
  const groupNames: string[] = [];
  const indexOfGroup = new Map<string, number>();
  const group = Int32Array.from(records, (record) => {
    let index = indexOfGroup.get(record.group);
    if (index === undefined) {
      indexOfGroup.set(record.group, (index = groupNames.length));
      groupNames.push(record.group);
    }
    return index;
  });
  return groupUnitsOfColumns({ ...pairedColumnsOf(records), groupNames, group });
}

/** groupUnits on columns: groups sorted by name, each group's units in first-seen order. */
export function groupUnitsOfColumns(columns: DisparityColumns): GroupUnits {
  // Each group's positions, in order (a counting sort: groups of 20,000 items are common).
  const counts = new Int32Array(columns.groupNames.length);
  for (let k = 0; k < columns.group.length; k++)
    if (columns.group[k] >= 0) counts[columns.group[k]]++;
  const positions = Array.from(counts, (count) => new Int32Array(count));
  const filled = new Int32Array(columns.groupNames.length);
  for (let k = 0; k < columns.group.length; k++) {
    const g = columns.group[k];
    if (g >= 0) positions[g][filled[g]++] = k;
  }
  const order = columns.groupNames
    .map((name, index) => ({ name, index }))
    .filter(({ index }) => positions[index].length > 0)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const parts = order.map(({ index }) => pairedUnitsOfColumns(columns, positions[index]));
  const count = parts.reduce((sum, part) => sum + part.count, 0);
  const moments = new Float64Array(count * MOMENTS);
  const unitItems = new Int32Array(count);
  const members: Int32Array[] = [];
  let offset = 0;
  for (const part of parts) {
    moments.set(part.moments, offset * MOMENTS);
    unitItems.set(part.items, offset);
    const unitsOfGroup = new Int32Array(part.count);
    for (let i = 0; i < part.count; i++) unitsOfGroup[i] = offset + i;
    members.push(unitsOfGroup);
    offset += part.count;
  }
  const units = { count, items: unitItems, moments };
  const groupMoments = members.map((unitsOfGroup) => {
    const sums = new Float64Array(MOMENTS);
    for (const unit of unitsOfGroup) addUnit(units, unit, sums);
    return sums;
  });
  return {
    groups: order.map(({ name }) => name),
    units,
    members,
    items: order.map(({ index }) => positions[index].length),
    groupMoments,
    total: totalMoments(units),
  };
}
