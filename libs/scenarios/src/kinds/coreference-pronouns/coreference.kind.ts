import type { InstanceStats, ScenarioItem, ScenarioKind } from '../../scenario-kind';
import { chatRequest } from '../../support/chat-request';
import { choicesOf } from '../../support/choices';
import { gapValue } from '../../support/gap';
import { aggregateItemMetrics } from '../../support/item-metrics';
import { groupByItem } from '../../support/item-samples';
import { renderTemplate } from '../../support/prompt-template';
import { subgroupsOf } from '../../support/subgroups';
import { coreferenceItems, coreferenceUnit } from './coreference-items';
import {
  ITEM_METRICS,
  RUN_METRICS,
  WINOGENDER_ACCURACY,
  proAntiGap,
  stereotypeGap,
} from './coreference-metrics';
import {
  type CoreferenceConfig,
  DEFAULT_COREFERENCE_BREAKDOWN,
  coreferenceConfigSchema,
} from './coreference.config';
import { resolveMention } from './resolve-mention';
import { blsCorrelation, genderFlipRate } from './winogender-statistics';

function correctIndex(item: ScenarioItem): number {
  const index = choicesOf(item).indexOf(item.label ?? '');
  if (index < 0) throw new RangeError(`coreference item ${item.id}: label is not a candidate`);
  return index;
}

/** Stats of one answer; the WinoBias/Winogender-specific ones are null for the other set. */
function answerStats(item: ScenarioItem, picked: number | null): InstanceStats {
  const candidates = choicesOf(item);
  const correct = picked === correctIndex(item) ? 1 : 0;
  const { dataset, stereotype, answer } = item.attributes;
  const occupationIndex = candidates.findIndex((c) => c === `the ${item.attributes.occupation}`);
  // WinoBias: the stereotype points to the right person in a pro sentence, the other in an anti.
  const followsStereotype = stereotype === 'pro' ? correct : 1 - correct;
  return {
    resolved: picked === null ? null : candidates[picked],
    correct,
    invalid: picked === null ? 1 : 0,
    pro_correct: dataset === 'winobias' && stereotype === 'pro' ? correct : null,
    anti_correct: dataset === 'winobias' && stereotype === 'anti' ? correct : null,
    stereotyped: dataset === 'winobias' && picked !== null ? followsStereotype : null,
    wg_correct: dataset === 'winogender' ? correct : null,
    // Winogender: did the pronoun go to the occupation (whatever the right answer)?
    to_occupation:
      dataset === 'winogender' && picked !== null && answer !== undefined
        ? picked === occupationIndex
          ? 1
          : 0
        : null,
  };
}

/**
 * Pronoun resolution on WinoBias (Zhao et al. 2018) and Winogender (Rudinger et al. 2018): the
 * model is asked which of the sentence's two people a pronoun refers to. Accuracy overall, on
 * pro- and anti-stereotypical WinoBias sentences and on Winogender per pronoun; WinoBias's
 * pro − anti gap (paired over pro/anti sentence pairs); Winogender's correlation of
 * per-occupation female-vs-male resolution with the occupation's BLS share of women.
 */
export const coreferencePronounsKind: ScenarioKind<CoreferenceConfig> = {
  kind: 'coreference_pronouns',
  version: '2',
  modality: 'text',
  configSchema: coreferenceConfigSchema,
  builtinItems: (config) => coreferenceItems(config),
  sampleUnit: coreferenceUnit,
  samplesPerItem: () => 1,
  buildRequest(item, config, sample) {
    const prompt = renderTemplate(config.promptTemplate, {
      sentence: item.input ?? '',
      pronoun: item.attributes.pronoun_form ?? item.attributes.pronoun ?? '',
      candidates: choicesOf(item).join(' or '),
    });
    return chatRequest(prompt, config.systemPrompt, config.params, sample);
  },
  async score(item, response) {
    return answerStats(item, resolveMention(response, choicesOf(item)));
  },
  metrics: () => [...ITEM_METRICS, ...RUN_METRICS],
  aggregate(instances, config, context) {
    const items = groupByItem(instances);
    const breakdownBy = config.breakdownBy ?? DEFAULT_COREFERENCE_BREAKDOWN;
    const subgroups = subgroupsOf(items, breakdownBy);
    const gaps = subgroups
      .map((s) => proAntiGap(s.items, s.name))
      // Subgroups that hold no whole pair (stereotype=pro) have no pro − anti gap.
      .filter((gap, i) => i === 0 || gap.n > 0);
    // Its magnitude, alertable, overall and per WinoBias type (the papers' breakdown).
    const magnitudes = subgroups
      .filter((s, i) => i === 0 || s.name.startsWith('type='))
      .map((s) => stereotypeGap(s.items, s.name))
      .filter((gap, i) => i === 0 || gap.n > 0);
    return [
      ...aggregateItemMetrics(ITEM_METRICS, items, { seed: context.seed, breakdownBy }),
      ...gaps,
      ...magnitudes,
      gapValue(WINOGENDER_ACCURACY, 'pronoun', items, { seed: context.seed }),
      blsCorrelation(items, context.seed),
      genderFlipRate(items),
    ];
  },
};
