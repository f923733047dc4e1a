import { normalizeText } from './normalize-text';
import { maxOverReferences } from './references';

function tokenCounts(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/**
 * SQuAD v1.1 token F1 of one prediction against one reference: tokens of `normalizeText`, overlap
 * counted with multiplicity (a bag, as SQuAD; HELM's `f1_score` uses sets instead). No overlap,
 * including an empty side, is 0.
 */
export function tokenF1Pair(prediction: string, reference: string): number {
  const predTokens = normalizeText(prediction)
    .split(' ')
    .filter((t) => t !== '');
  const goldTokens = normalizeText(reference)
    .split(' ')
    .filter((t) => t !== '');
  const goldCounts = tokenCounts(goldTokens);
  let common = 0;
  for (const [token, count] of tokenCounts(predTokens)) {
    common += Math.min(count, goldCounts.get(token) ?? 0);
  }
  if (common === 0) return 0;
  const precision = common / predTokens.length;
  const recall = common / goldTokens.length;
  return (2 * precision * recall) / (precision + recall);
}

/** SQuAD token F1, max over references. */
export function tokenF1(prediction: string, references: readonly string[]): number {
  return maxOverReferences(prediction, references, tokenF1Pair);
}
