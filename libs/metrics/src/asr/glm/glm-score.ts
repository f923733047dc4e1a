import type { CorpusScore, ErrorRateOptions, TranscriptPair, UtteranceScore } from '../error-rate';
import { errorRate } from '../error-rate';
import { configuredNormalizer } from '../normalizers/normalizer-registry';
import { applyGlm } from './glm-filter';
import type { GlmRuleSet } from './glm-rules';
import { type NetworkAlignment, alignNetworks } from './network-align';
import { buildWordNetwork } from './word-network';

export interface GlmAlignment extends NetworkAlignment {
  /** The normalized text after the GLM, as sclite would read it (alternations in braces). */
  reference: string;
  hypothesis: string;
}

/**
 * Scores one utterance as SCTK's hubscr.pl does: csrfilt.sh with the GLM on both texts, then
 * sclite's network alignment, where an alternation such as `{health care / healthcare}`
 * matches whichever alternative costs least. Texts are normalized first; then "(", ")", "{"
 * and "}" (markup to csrfilt and sclite) become spaces and a lone "@" is dropped, so only the
 * GLM can write alternations. Words are compared with ASCII case folded, as sclite does.
 */
export function alignWithGlm(reference: string, hypothesis: string, glm: GlmRuleSet): GlmAlignment {
  const filter = (text: string) => foldAscii(applyGlm(unmark(text), glm));
  const ref = filter(reference);
  const hyp = filter(hypothesis);
  return {
    ...alignNetworks(buildWordNetwork(ref), buildWordNetwork(hyp)),
    reference: ref,
    hypothesis: hyp,
  };
}

/** wordErrorRate with a GLM: the same result shape, counts as csrfilt.sh + sclite give them. */
export function scoreCorpusWithGlm(
  pairs: readonly TranscriptPair[],
  glm: GlmRuleSet,
  options: ErrorRateOptions,
): CorpusScore {
  if (options.costs === 'unit') throw new RangeError('a GLM is applied with sclite costs only');
  const normalizer = options.normalizer ?? configuredNormalizer(options.normalization);
  const perUtterance = pairs.map(({ id, reference, hypothesis }): UtteranceScore => {
    const aligned = alignWithGlm(
      normalizer.normalize(reference),
      normalizer.normalize(hypothesis),
      glm,
    );
    const { hits, substitutions, deletions, insertions } = aligned;
    const errors = substitutions + deletions + insertions;
    const refWords = hits + substitutions + deletions;
    return {
      id,
      refWords,
      hypWords: hits + substitutions + insertions,
      hits,
      substitutions,
      deletions,
      insertions,
      errors,
      wer: errorRate(errors, refWords),
      ...(options.includeOps ? { ops: aligned.ops } : {}),
    };
  });
  const sum = (key: keyof UtteranceScore) =>
    perUtterance.reduce((total, u) => total + (u[key] as number), 0);
  const errors = sum('errors');
  const refWords = sum('refWords');
  return {
    unit: 'word',
    costs: 'sclite',
    normalizer: `${normalizer.id}+${glm.id}`,
    utterances: pairs.length,
    refWords,
    hypWords: sum('hypWords'),
    hits: sum('hits'),
    substitutions: sum('substitutions'),
    deletions: sum('deletions'),
    insertions: sum('insertions'),
    errors,
    wer: errorRate(errors, refWords),
    perUtterance,
  };
}

function unmark(text: string): string {
  return text.replace(/[(){}]/g, ' ').replace(/(^|[ \t])@(?=[ \t]|$)/g, '$1');
}

function foldAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}
