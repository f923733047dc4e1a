import { normalUpperTail } from './distributions';

/**
 * One-sided p-values for a change, oriented by what counts as worse. `worse` tests the null
 * "the change in the bad direction is at most minEffect"; `better` the mirror null.
 */
export interface OneSidedPValues {
  worse: number;
  better: number;
}

/** Two-sided p from two one-sided ones: twice the smaller, capped at 1. */
export function twoSidedFromOneSided(p: OneSidedPValues): number {
  return Math.min(1, 2 * Math.min(p.worse, p.better));
}

/**
 * One-sided p-values for z statistics of the two shifted nulls: zWorse = (badChange − δ)/se,
 * zBetter = (−badChange − δ)/se, each referred to the upper normal tail.
 */
export function normalOneSided(zWorse: number, zBetter: number): OneSidedPValues {
  return { worse: normalUpperTail(zWorse), better: normalUpperTail(zBetter) };
}
