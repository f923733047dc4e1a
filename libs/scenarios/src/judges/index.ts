// Model judges: config, prompts, structured output, position-bias control, provenance.
export {
  judgeConfigSchema,
  judgeSettingsFields,
  passScoreOf,
  passScoreOnScale,
  rubricOf,
  DEFAULT_PAIRWISE_RUBRIC,
  DEFAULT_SINGLE_RUBRIC,
  type JudgeConfig,
  type JudgeSettings,
} from './judge-config';
export {
  singleJudgeRequest,
  pairwiseJudgeRequest,
  JUDGE_PROMPT_VERSION,
  JUDGE_SYSTEM_PROMPT,
  type SingleJudgeInput,
  type PairwiseJudgeInput,
} from './judge-prompt';
export { judgeQuestion } from './judge-question';
export {
  extractJsonObject,
  parseJudgment,
  parseSingleJudgment,
  singleJudgmentSchema,
  pairwiseJudgmentSchema,
  type Parsed,
  type SingleJudgment,
  type PairwiseJudgment,
} from './judge-output';
export {
  combineOrders,
  outcomeFor,
  summarizeScores,
  type PairOutcome,
  type PairVerdict,
  type SampleSummary,
} from './judge-aggregate';
export {
  judgeIdOf,
  judgePromptHash,
  judgeProvenance,
  judgeScoring,
  type JudgeProvenance,
  type JudgeScoring,
} from './judge-provenance';
export type { JudgeClient } from './judge-client';
export { judgeAnswer, judgePairwise, judgeSingle, requireJudge } from './judge-scorer';
export {
  aggregateJudgeMetrics,
  judgeItemMetrics,
  judgeMetrics,
  judgeRunMetrics,
  SAMPLE_ALPHA,
} from './judge-metrics';
export {
  withOptionalJudge,
  type OptionalJudgeOptions,
  type WithOptionalJudge,
} from './optional-judge';
export {
  judgeReviewVerdict,
  PAIRWISE_VERDICTS,
  reviewJudgeSpec,
  reviewLabel,
  reviewStratum,
  type JudgeReviewVerdict,
  type PairwiseVerdict,
  type ReviewInput,
  type ReviewJudgeSpec,
  type ReviewLabelResult,
} from './judge-review';
