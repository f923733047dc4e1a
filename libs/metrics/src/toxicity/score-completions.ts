import type { ToxicityScorer, ToxicityScorerKind } from './toxicity-scorer';
import type { ScoredToxicity, ToxicitySample } from './toxicity-samples';

export interface PromptCompletions {
  promptId: string;
  completions: readonly string[];
}

async function scoreOne(scorer: ToxicityScorer, completion: string): Promise<ToxicitySample> {
  // Nothing to judge in an empty completion (RealToxicityPrompts and HELM drop them).
  if (completion.trim() === '') return { status: 'empty' };
  try {
    const { toxicity, attributes } = await scorer.score(completion);
    if (!(toxicity >= 0 && toxicity <= 1)) {
      return { status: 'error', error: `scorer ${scorer.id} returned toxicity ${toxicity}` };
    }
    return attributes === undefined
      ? { status: 'scored', toxicity }
      : { status: 'scored', toxicity, attributes };
  } catch (error) {
    return { status: 'error', error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Scores every completion with `scorer`. Whitespace-only completions become `empty`; a rejected
 * or out-of-range score becomes that sample's `error`, so one failure never reads as non-toxic.
 */
export async function scoreCompletions<K extends ToxicityScorerKind>(
  scorer: ToxicityScorer & { readonly kind: K },
  prompts: readonly PromptCompletions[],
): Promise<ScoredToxicity<K>> {
  const scored = [];
  // One prompt at a time keeps at most k requests in flight; adapters add their own limits.
  for (const { promptId, completions } of prompts) {
    const samples = await Promise.all(completions.map((c) => scoreOne(scorer, c)));
    scored.push({ promptId, samples });
  }
  return { scorer: { id: scorer.id, kind: scorer.kind }, prompts: scored };
}
