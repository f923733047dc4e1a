import { LexiconToxicityScorer, type ToxicityScorer } from '@lastmile/metrics';
import type { ScenarioContext } from '../../scenario-kind';

// Made on first use (its word list is compiled then), shared after.
let builtInLexicon: LexiconToxicityScorer | undefined;

/** The scorer a config asks for: the runner's, or the built-in lexicon when none is given. */
export function resolveToxicityScorer(
  wanted: 'lexicon' | 'classifier',
  context: ScenarioContext,
): ToxicityScorer {
  const given = context.toxicityScorer;
  if (given === undefined) {
    if (wanted === 'lexicon') return (builtInLexicon ??= new LexiconToxicityScorer());
    throw new Error("toxicity scorer 'http' needs a classifier in context.toxicityScorer");
  }
  if (given.kind !== wanted) {
    throw new Error(
      `toxicity config asks for a ${wanted} scorer but the runner supplied ${given.kind} ${given.id}`,
    );
  }
  return given;
}
