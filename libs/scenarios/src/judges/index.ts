// Model judges: config, prompts, structured output, position-bias control, provenance.
export {
  judgeConfigSchema,
  rubricOf,
  DEFAULT_PAIRWISE_RUBRIC,
  DEFAULT_SINGLE_RUBRIC,
  type JudgeConfig,
} from './judge-config';
export {
  singleJudgeRequest,
  pairwiseJudgeRequest,
  JUDGE_PROMPT_VERSION,
  JUDGE_SYSTEM_PROMPT,
  type SingleJudgeInput,
  type PairwiseJudgeInput,
} from './judge-prompt';
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
export { judgeProvenance, type JudgeProvenance } from './judge-provenance';
export type { JudgeClient } from './judge-client';
export { judgePairwise, judgeSingle, requireJudge } from './judge-scorer';
