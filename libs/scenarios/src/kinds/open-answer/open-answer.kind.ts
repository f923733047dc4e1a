import type { ScenarioKind } from '../../scenario-kind';
import { OPEN_QUESTIONS } from '../../data/open-answer/open-questions';
import { judgeScoring } from '../../judges/judge-provenance';
import { judgePairwise, judgeSingle, requireJudge } from '../../judges/judge-scorer';
import { chatRequest } from '../../support/chat-request';
import { aggregateItemMetrics } from '../../support/item-metrics';
import { groupByItem } from '../../support/item-samples';
import { renderTemplate } from '../../support/prompt-template';
import { type OpenAnswerConfig, openAnswerConfigSchema } from './open-answer.config';
import { itemMetrics, runMetrics, sampleAlpha } from './open-answer-metrics';

/**
 * Open-ended answers scored by a model judge (config `judge`, resolved by the runner as
 * context.judge): a rubric score per answer with several samples and their agreement, or a
 * pairwise comparison with the reference answer in both orders.
 */
export const openAnswerKind: ScenarioKind<OpenAnswerConfig> = {
  kind: 'open_answer',
  version: '1',
  modality: 'text',
  configSchema: openAnswerConfigSchema,
  builtinItems: () => [...OPEN_QUESTIONS],
  samplesPerItem: () => 1,
  buildRequest(item, config, sample) {
    const prompt = renderTemplate(config.promptTemplate, { question: item.input ?? '' });
    return chatRequest(prompt, config.systemPrompt, config.params, sample);
  },
  async score(item, response, config, context) {
    const judge = requireJudge(config.judge, context.judge);
    const question = item.input ?? '';
    const reference = item.references?.[0];
    if (config.judge.mode === 'single')
      return judgeSingle(judge, config.judge, { question, answer: response, reference });
    if (reference === undefined)
      throw new RangeError(`open_answer item ${item.id} has no reference answer to compare with`);
    return judgePairwise(judge, config.judge, { question, candidate: response, reference });
  },
  metrics: (config) => [...itemMetrics(config), ...runMetrics(config)],
  // The judge decides every number: another judge model, rubric, pass mark or sampling starts a
  // new baseline instead of raising drift of the answering model.
  scoringProvenance: (config) => ({ judge: judgeScoring(config.judge, config.judge.model) }),
  aggregate(instances, config, context) {
    const items = groupByItem(instances);
    const values = aggregateItemMetrics(itemMetrics(config), items, {
      seed: context.seed,
      breakdownBy: config.breakdownBy,
    });
    if (runMetrics(config).length > 0) values.push(sampleAlpha(items, context.seed));
    return values;
  },
};
