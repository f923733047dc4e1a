/**
 * Edit-cost models for the alignment.
 *
 * - 'sclite' (default): NIST SCTK sclite's word-weight distance (src/sclite/word.c `wwd_WORD`):
 *   correct 0, insertion 3, deletion 3, substitution 4. Because a substitution (4) costs less than
 *   a deletion plus an insertion (6) but more than either alone, sclite prefers "D C I" over "S S"
 *   when both explain the same words (ref "a b", hyp "b c"), so its S/D/I split differs from plain
 *   Levenshtein, and occasionally its total S+D+I is higher than the minimum edit count.
 * - 'unit': unit costs (1/1/1), the plain Levenshtein distance jiwer computes. S+D+I is then the
 *   minimum number of edits (equal to jiwer's); the split between S, D and I on ties follows the
 *   same tie-breaking as below and may differ from jiwer's.
 *
 * Tie-breaking (sclite net_dp.c `calculate_internal_cells`): at each cell the diagonal step
 * (correct or substitution) wins if it is <= both others, else deletion if strictly < insertion,
 * else insertion. The path is traced back from the final cell through these choices.
 */
export type CostModel = 'sclite' | 'unit';

export interface EditCosts {
  readonly substitution: number;
  readonly insertion: number;
  readonly deletion: number;
}

export const EDIT_COSTS: Readonly<Record<CostModel, EditCosts>> = Object.freeze({
  sclite: Object.freeze({ substitution: 4, insertion: 3, deletion: 3 }),
  unit: Object.freeze({ substitution: 1, insertion: 1, deletion: 1 }),
});

export const COST_MODELS: readonly CostModel[] = ['sclite', 'unit'];

export function editCosts(model: CostModel = 'sclite'): EditCosts {
  const costs = EDIT_COSTS[model];
  if (!costs)
    throw new RangeError(`unknown cost model "${String(model)}" (expected sclite or unit)`);
  return costs;
}

export interface EditCounts {
  hits: number;
  substitutions: number;
  deletions: number;
  insertions: number;
}
