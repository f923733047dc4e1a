/** Best score of `prediction` against any reference (HELM: max_i score(G_i, P)). */
export function maxOverReferences(
  prediction: string,
  references: readonly string[],
  score: (prediction: string, reference: string) => number,
): number {
  // Scoring against nothing is a broken item, not a wrong answer: fail loudly.
  if (references.length === 0) throw new RangeError('at least one reference is required');
  let best = 0;
  for (const reference of references) best = Math.max(best, score(prediction, reference));
  return best;
}
