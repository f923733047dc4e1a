import { normalizeText } from './normalize-text';
import { pyStrip } from './python-string';
import { maxOverReferences } from './references';

/**
 * HELM `exact_match`, max over references: 1 when the prediction equals a reference after
 * stripping surrounding whitespace. An empty prediction scores 0 even against an empty reference.
 */
export function exactMatch(prediction: string, references: readonly string[]): number {
  return maxOverReferences(prediction, references, (pred, gold) =>
    pred !== '' && pyStrip(gold) === pyStrip(pred) ? 1 : 0,
  );
}

/**
 * HELM `quasi_exact_match`, max over references: equality after `normalizeText` (lowercase, no
 * ASCII punctuation, no articles, collapsed whitespace). An empty prediction scores 0.
 */
export function quasiExactMatch(prediction: string, references: readonly string[]): number {
  return maxOverReferences(prediction, references, (pred, gold) =>
    pred !== '' && normalizeText(gold) === normalizeText(pred) ? 1 : 0,
  );
}
