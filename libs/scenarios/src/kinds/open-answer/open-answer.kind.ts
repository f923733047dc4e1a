import type { ScenarioKind } from '../../scenario-kind';
import { OPEN_QUESTIONS } from '../../data/open-answer/open-questions';
import { aggregateJudgeMetrics, judgeMetrics } from '../../judges/judge-metrics';
import { judgeScoring } from '../../judges/judge-provenance';
import { judgeAnswer } from '../../judges/judge-scorer';
import { chatRequest } from '../../support/chat-request';
import { groupByItem } from '../../support/item-samples';
import { renderTemplate } from '../../support/prompt-template';
import { type OpenAnswerConfig, openAnswerConfigSchema } from './open-answer.config';

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
  score: (item, response, config, context) =>
    judgeAnswer(context.judge, config.judge, item, response, 'open_answer'),
  metrics: (config) => judgeMetrics(config.judge),
  // The judge decides every number: another judge model, rubric, pass mark or sampling starts a
  // new baseline instead of raising drift of the answering model.
  scoringProvenance: (config) => ({ judge: judgeScoring(config.judge, config.judge.model) }),
  aggregate: (instances, config, context) =>
    aggregateJudgeMetrics(config.judge, groupByItem(instances), {
      seed: context.seed,
      breakdownBy: config.breakdownBy,
    }),
};
