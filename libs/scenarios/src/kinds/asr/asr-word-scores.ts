import {
  type GlmRuleSet,
  type TextNormalizer,
  alignWithGlm,
  characterErrorRate,
  configuredNormalizer,
  normalizerByName,
  parseGlm,
  wordErrorRate,
} from '@lastmile/metrics';
import type { InstanceStats } from '../../scenario-kind';
import type { AsrConfig } from './asr.config';

const GLMS = new Map<string, GlmRuleSet>();

function glmOf(text: string): GlmRuleSet {
  let rules = GLMS.get(text);
  if (!rules) GLMS.set(text, (rules = parseGlm(text)));
  return rules;
}

/**
 * Word and character edits of one utterance against its reference, as sclite counts them.
 * Without `normalizer` and `glm` the stats are exactly those of kind version 1; with either,
 * the raw and normalized (and GLM-filtered) texts are kept for the report's alignment.
 */
export function wordScores(
  reference: string,
  hypothesis: string,
  config: AsrConfig,
): InstanceStats {
  const pairs = [{ id: 'u', reference, hypothesis }];
  const normalizer: TextNormalizer | undefined = config.normalizer
    ? normalizerByName(config.normalizer)
    : undefined;
  const glm = config.glm === undefined ? undefined : glmOf(config.glm);
  const options = { costs: config.costs, normalization: config.normalization, normalizer };
  const words = wordErrorRate(pairs, { ...options, glm });
  const chars = characterErrorRate(pairs, { ...options, countSpaces: config.cerCountSpaces });
  const stats: InstanceStats = {
    errors: words.errors,
    refWords: words.refWords,
    hypWords: words.hypWords,
    hits: words.hits,
    substitutions: words.substitutions,
    deletions: words.deletions,
    insertions: words.insertions,
    charErrors: chars.errors,
    refChars: chars.refChars,
    normalizer: words.normalizer,
  };
  if (!normalizer && !glm) return stats;
  const { normalize } = normalizer ?? configuredNormalizer(config.normalization);
  Object.assign(stats, {
    reference,
    hypothesis,
    referenceNormalized: normalize(reference),
    hypothesisNormalized: normalize(hypothesis),
  });
  if (glm) {
    const filtered = alignWithGlm(normalize(reference), normalize(hypothesis), glm);
    Object.assign(stats, {
      referenceFiltered: filtered.reference,
      hypothesisFiltered: filtered.hypothesis,
    });
  }
  return stats;
}
