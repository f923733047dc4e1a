import {
  type GlmRuleSet,
  type TextNormalizer,
  configuredNormalizer,
  normalizerByName,
  parseGlm,
} from '@lastmile/metrics';
import type { AsrConfig } from './asr.config';

const GLMS = new Map<string, GlmRuleSet>();

/** Parsed once per distinct GLM text (a slice's alternates are the same for all its items). */
export function glmOf(text: string): GlmRuleSet {
  let rules = GLMS.get(text);
  if (!rules) GLMS.set(text, (rules = parseGlm(text)));
  return rules;
}

/** The named normalizer the config chose, or the configurable lastmile-norm-v1 one. */
export function normalizerOf(config: AsrConfig): TextNormalizer {
  return config.normalizer
    ? normalizerByName(config.normalizer)
    : configuredNormalizer(config.normalization);
}

/**
 * What decides how a transcript becomes WER besides the kind's version: the normalizer (name,
 * version, where its rules come from), the edit costs, CER's spaces and the scenario's GLM. A
 * slice's own alternates.glm is not here: it is part of the slice's content hash, which the
 * baseline version key already holds.
 */
export function asrScoringProvenance(config: AsrConfig): Record<string, unknown> {
  const normalizer = normalizerOf(config);
  return {
    normalizer: {
      name: normalizer.name,
      version: normalizer.version,
      id: normalizer.id,
      source: normalizer.source,
    },
    costs: config.costs,
    cerCountSpaces: config.cerCountSpaces,
    glm: config.glm === undefined ? null : glmOf(config.glm).id,
  };
}
