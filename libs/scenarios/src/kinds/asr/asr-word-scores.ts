import {
  type TextNormalizer,
  alignWithGlm,
  characterErrorRate,
  configuredNormalizer,
  normalizerByName,
  wordErrorRate,
} from '@lastmile/metrics';
import type { InstanceStats } from '../../scenario-kind';
import type { AsrConfig } from './asr.config';
import { glmOf } from './asr-scoring';

/**
 * Word and character edits of one utterance against its reference, as sclite counts them.
 * `alternates` is the slice's GLM, applied instead of the config's `glm` when present. Without
 * a normalizer and a GLM the stats are exactly those of kind version 1; with either, the raw and
 * normalized (and GLM-filtered) texts are kept for the report's alignment.
 */
export function wordScores(
  reference: string,
  hypothesis: string,
  config: AsrConfig,
  alternates: string | null = null,
): InstanceStats {
  const pairs = [{ id: 'u', reference, hypothesis }];
  const normalizer: TextNormalizer | undefined = config.normalizer
    ? normalizerByName(config.normalizer)
    : undefined;
  const glmText = alternates ?? config.glm;
  const glm = glmText === undefined ? undefined : glmOf(glmText);
  if (glm && config.costs === 'unit')
    throw new RangeError("the slice's alternates.glm is applied with sclite costs only");
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
