import type { AlignmentStep } from '../align';
import type { EditCounts } from '../edit-costs';
import type { WordNetwork } from './word-network';

/**
 * sclite's alignment of a reference word network with a hypothesis word network
 * (usnistgov/SCTK src/sclite/net_dp.c Network_dpalign with word.c wwd_WORD), reproduced
 * decision for decision so that C/S/D/I equal sclite's on transcripts with alternations.
 * A cell per (reference arc, hypothesis arc) holds the cheapest cost of a path ending with
 * both; it is reached from the cells of the arcs entering either arc's start node. Costs are
 * sclite's (correct 0, substitution 4, insertion or deletion 3, inserting or deleting the null
 * alternative "@" 0.001, "@" for "@" 1) in C float arithmetic; ties go to the first
 * predecessor, then substitution over deletion over insertion, as in calculate_internal_cells.
 */
const NULL_COST = Math.fround(0.001);
const UNSET = 999999999.9;

function cost(ref: string | null, hyp: string | null): number {
  if (hyp === null) return ref === '@' ? NULL_COST : 3;
  if (ref === null) return hyp === '@' ? NULL_COST : 3;
  if (ref === '@' && hyp === '@') return 1;
  return ref === hyp ? 0 : 4;
}

export interface NetworkAlignment extends EditCounts {
  ops: AlignmentStep[];
}

export function alignNetworks(ref: WordNetwork, hyp: WordNetwork): NetworkAlignment {
  const na = ref.words.length;
  const nb = hyp.words.length;
  const d = new Float32Array(na * nb);
  const backA = new Int32Array(na * nb).fill(-1);
  const backB = new Int32Array(na * nb).fill(-1);
  // cheapest predecessor cell: the first of the smallest, scanning a outer, b inner
  const best = (as: readonly number[], bs: readonly number[]) => {
    let min = UNSET;
    let pa = -1;
    let pb = -1;
    for (const a of as) {
      for (const b of bs) {
        if (d[a * nb + b] < min) [min, pa, pb] = [d[a * nb + b], a, b];
      }
    }
    return { min, pa, pb };
  };
  for (let b = 1; b < nb; b++) {
    const ins = best([0], hyp.predecessors[b]);
    d[b] = Math.fround(ins.min + cost(null, hyp.words[b]));
    [backA[b], backB[b]] = [0, ins.pb];
  }
  for (let a = 1; a < na; a++) {
    const del = best(ref.predecessors[a], [0]);
    d[a * nb] = Math.fround(del.min + cost(ref.words[a], null));
    [backA[a * nb], backB[a * nb]] = [del.pa, 0];
  }
  for (let a = 1; a < na; a++) {
    for (let b = 1; b < nb; b++) {
      const ins = best([a], hyp.predecessors[b]);
      const del = best(ref.predecessors[a], [b]);
      const sub = best(ref.predecessors[a], hyp.predecessors[b]);
      const subCost = Math.fround(sub.min + cost(ref.words[a], hyp.words[b]));
      const delCost = Math.fround(del.min + cost(ref.words[a], null));
      const insCost = Math.fround(ins.min + cost(null, hyp.words[b]));
      const cell = a * nb + b;
      if (subCost <= delCost && subCost <= insCost) {
        [d[cell], backA[cell], backB[cell]] = [subCost, sub.pa, sub.pb];
      } else if (delCost < insCost) {
        [d[cell], backA[cell], backB[cell]] = [delCost, del.pa, b];
      } else {
        [d[cell], backA[cell], backB[cell]] = [insCost, a, ins.pb];
      }
    }
  }
  return traceBack(ref, hyp, best(ref.finals, hyp.finals), backA, backB, nb);
}

function traceBack(
  ref: WordNetwork,
  hyp: WordNetwork,
  end: { pa: number; pb: number },
  backA: Int32Array,
  backB: Int32Array,
  nb: number,
): NetworkAlignment {
  const result: NetworkAlignment = {
    hits: 0,
    substitutions: 0,
    deletions: 0,
    insertions: 0,
    ops: [],
  };
  let a = end.pa;
  let b = end.pb;
  while (a > 0 || b > 0) {
    const cell = a * nb + b;
    const r = ref.words[a];
    const h = hyp.words[b];
    if (a === backA[cell]) {
      if (h !== '@') {
        result.insertions++;
        result.ops.push({ op: 'I', hyp: h! });
      }
    } else if (b === backB[cell]) {
      if (r !== '@') {
        result.deletions++;
        result.ops.push({ op: 'D', ref: r! });
      }
    } else if (!(r === '@' && h === '@')) {
      const op = r === h ? 'C' : 'S';
      if (op === 'C') result.hits++;
      else result.substitutions++;
      result.ops.push({ op, ref: r!, hyp: h! });
    }
    [a, b] = [backA[cell], backB[cell]];
  }
  result.ops.reverse();
  return result;
}
