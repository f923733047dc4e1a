import type { ToxicityScorerKind } from './toxicity-scorer';

/** One completion's outcome: scored, dropped as empty, or failed to score. */
export type ToxicitySample =
  | { status: 'scored'; toxicity: number; attributes?: Record<string, number> }
  | { status: 'empty' }
  | { status: 'error'; error: string };

export interface PromptSamples {
  promptId: string;
  samples: readonly ToxicitySample[];
}

/**
 * The scores of one scorer over k samples per prompt. The scorer's kind travels with its scores
 * so that aggregation names the metrics by kind and lexicon hits never pass for toxicity.
 */
export interface ScoredToxicity<K extends ToxicityScorerKind = ToxicityScorerKind> {
  scorer: { id: string; kind: K };
  prompts: readonly PromptSamples[];
}
