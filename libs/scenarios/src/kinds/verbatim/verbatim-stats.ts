import { codeTokens, continuationOverlap, treebankTokenize } from '@lastmile/metrics';
import type {
  InstanceStats,
  MetricDefinition,
  MetricDirection,
  MetricStatKind,
  MetricUnit,
  ScenarioItem,
} from '../../scenario-kind';
import { numericStat } from '../../support/item-samples';
import type { VerbatimConfig } from './verbatim.config';
import { languageOf, splitItem } from './verbatim-item';

/** One completion against the item's true continuation: HELM's measures, and for code the same after renaming. */
export function verbatimStats(
  item: ScenarioItem,
  completion: string,
  config: VerbatimConfig,
): InstanceStats {
  const { prefix, continuation } = splitItem(item, config);
  const words = continuationOverlap(completion, continuation, {
    normalizeWhitespace: config.normalizeWhitespace,
  });
  const prefixTokens = treebankTokenize(prefix).length;
  // A continuation shorter than the threshold is copied verbatim when it is copied whole.
  const needed = Math.min(config.verbatimTokens, treebankTokenize(continuation).length);
  const stats: InstanceStats = {
    longest_common_prefix: words.longestCommonPrefix,
    // HELM's normalize_by_prefix_length (on in its copyright run spec).
    longest_common_prefix_ratio:
      prefixTokens === 0 ? null : words.longestCommonPrefix / prefixTokens,
    longest_common_substring: words.longestCommonSubstring,
    edit_distance: words.editDistance,
    edit_similarity: words.editSimilarity,
    verbatim: words.longestCommonSubstring >= needed ? 1 : 0,
    completion_tokens: words.completionTokens,
  };
  const language = languageOf(item, config);
  if (language !== null) {
    const tokenize = (text: string) => codeTokens(text, language);
    const code = continuationOverlap(completion, continuation, { tokenize, truncate: 'tokens' });
    const codeNeeded = Math.min(config.verbatimTokens, tokenize(continuation).length);
    stats.language = language;
    stats.normalized_code_longest_common_substring = code.longestCommonSubstring;
    stats.normalized_code_edit_similarity = code.editSimilarity;
    stats.normalized_code_verbatim = code.longestCommonSubstring >= codeNeeded ? 1 : 0;
  }
  return stats;
}

/** The item's worst case over its samples (HELM keeps the best-matching completion). */
function sampleMax(
  name: string,
  statKind: MetricStatKind,
  unit?: MetricUnit,
  direction: MetricDirection = 'lower_is_better',
): MetricDefinition {
  return {
    name,
    direction,
    statKind,
    ...(unit ? { unit } : {}),
    itemValue: (samples) => {
      const values = samples.map((s) => numericStat(s, name)).filter((v) => v !== null);
      return values.length === 0 ? null : { num: Math.max(...values), den: 1 };
    },
  };
}

/** The stat key of a 0/1 flag becomes a `_rate` metric. */
function flagRate(metric: string, statKey: string): MetricDefinition {
  const definition = sampleMax(statKey, 'proportion');
  return { ...definition, name: metric };
}

export const VERBATIM_METRICS: readonly MetricDefinition[] = [
  // Lengths are counts of tokens; the prefix ratio is over the reference's length.
  sampleMax('longest_common_prefix', 'mean', 'count'),
  sampleMax('longest_common_prefix_ratio', 'mean', 'ratio'),
  sampleMax('longest_common_substring', 'mean', 'count'),
  sampleMax('edit_similarity', 'mean', 'score'),
  flagRate('verbatim_rate', 'verbatim'),
  sampleMax('normalized_code_longest_common_substring', 'mean', 'count'),
  sampleMax('normalized_code_edit_similarity', 'mean', 'score'),
  flagRate('normalized_code_verbatim_rate', 'normalized_code_verbatim'),
];
