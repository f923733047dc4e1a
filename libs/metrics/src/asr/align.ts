import { type CostModel, type EditCounts, editCosts } from './edit-costs';

export type EditOp = 'C' | 'S' | 'D' | 'I';

export interface AlignmentStep {
  op: EditOp;
  ref?: string;
  hyp?: string;
}

export interface Alignment extends EditCounts {
  ops: AlignmentStep[];
}

export interface AlignOptions {
  costs?: CostModel;
}

const CORRECT = 0;
const SUBSTITUTION = 1;
const DELETION = 2;
const INSERTION = 3;

/**
 * Full dynamic-programming alignment of two token sequences, with the path (ops in order).
 * Tokens are compared with ===, so normalize them first. Costs and tie-breaking: see edit-costs.ts.
 * For counts only over many utterances, EditCounter is faster (no matrix, no path).
 */
export function alignTokens(
  ref: readonly string[],
  hyp: readonly string[],
  options: AlignOptions = {},
): Alignment {
  const { substitution, insertion, deletion } = editCosts(options.costs);
  const n = ref.length;
  const m = hyp.length;
  const width = m + 1;
  const cost = new Int32Array((n + 1) * width);
  const back = new Uint8Array((n + 1) * width);
  for (let b = 1; b <= m; b++) {
    cost[b] = cost[b - 1] + insertion;
    back[b] = INSERTION;
  }
  for (let a = 1; a <= n; a++) {
    const row = a * width;
    cost[row] = cost[row - width] + deletion;
    back[row] = DELETION;
    for (let b = 1; b <= m; b++) {
      const same = ref[a - 1] === hyp[b - 1];
      const diagonal = cost[row - width + b - 1] + (same ? 0 : substitution);
      const del = cost[row - width + b] + deletion;
      const ins = cost[row + b - 1] + insertion;
      if (diagonal <= del && diagonal <= ins) {
        cost[row + b] = diagonal;
        back[row + b] = same ? CORRECT : SUBSTITUTION;
      } else if (del < ins) {
        cost[row + b] = del;
        back[row + b] = DELETION;
      } else {
        cost[row + b] = ins;
        back[row + b] = INSERTION;
      }
    }
  }
  return traceBack(ref, hyp, back, width);
}

function traceBack(
  ref: readonly string[],
  hyp: readonly string[],
  back: Uint8Array,
  width: number,
): Alignment {
  const result: Alignment = { hits: 0, substitutions: 0, deletions: 0, insertions: 0, ops: [] };
  let a = ref.length;
  let b = hyp.length;
  while (a > 0 || b > 0) {
    const step = back[a * width + b];
    if (step === DELETION) {
      result.deletions++;
      result.ops.push({ op: 'D', ref: ref[--a] });
    } else if (step === INSERTION) {
      result.insertions++;
      result.ops.push({ op: 'I', hyp: hyp[--b] });
    } else {
      if (step === CORRECT) result.hits++;
      else result.substitutions++;
      result.ops.push({ op: step === CORRECT ? 'C' : 'S', ref: ref[--a], hyp: hyp[--b] });
    }
  }
  result.ops.reverse();
  return result;
}
