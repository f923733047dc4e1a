import type { InstanceStats, ScenarioKind } from '../../scenario-kind';
import { CALIBRATION_SET } from '../../data/judge-calibration/calibration-set';
import { passScoreOf } from '../../judges/judge-config';
import { parseSingleJudgment } from '../../judges/judge-output';
import { singleJudgeRequest } from '../../judges/judge-prompt';
import { judgeScoring } from '../../judges/judge-provenance';
import { aggregateItemMetrics } from '../../support/item-metrics';
import { groupByItem } from '../../support/item-samples';
import { humanVerdict } from './judge-calibration-label';
import { ITEM_METRICS, judgeHumanKappa, RUN_METRICS } from './judge-calibration-metrics';
import {
  calibrationJudge,
  judgeCalibrationConfigSchema,
  type JudgeCalibrationConfig,
} from './judge-calibration.config';

const RATIONALE_CHARS = 300;

/** The answer people judged, and the optional reference shown to the judge with it. */
function calibrationItem(item: {
  id: string;
  input?: string | null;
  references?: string[] | null;
}) {
  const answer = item.references?.[0];
  if (!item.input || !answer)
    throw new RangeError(
      `calibration item ${item.id} needs input (the question) and references[0] (the answer people judged)`,
    );
  return { question: item.input, answer, reference: item.references?.[1] };
}

/**
 * A model judge re-scoring a human-labelled calibration set: the plan's model IS the judge (the
 * same adapter spec as the `judge.model` of the scenarios it scores), asked with the rubric of
 * this config. Per item, does its verdict (the mean of its samples against the pass score) agree
 * with people's? Scheduled, the drift of that agreement, paired on the items, is judge_drift.
 */
export const judgeCalibrationKind: ScenarioKind<JudgeCalibrationConfig> = {
  kind: 'judge_calibration',
  version: '1',
  modality: 'text',
  configSchema: judgeCalibrationConfigSchema,
  builtinItems: () => [...CALIBRATION_SET],
  samplesPerItem: (config) => config.samples,
  buildRequest(item, config, sample) {
    const settings = calibrationJudge(config);
    humanVerdict(item.label, settings); // a bad label is refused before the judge is asked
    return singleJudgeRequest(settings, calibrationItem(item), sample);
  },
  async score(item, response, config) {
    const settings = calibrationJudge(config);
    const human = humanVerdict(item.label, settings);
    const parsed = parseSingleJudgment(response, settings.scale);
    const stats: InstanceStats = {
      human_pass: human.pass ? 1 : 0,
      human_score: human.score,
      pass_score: passScoreOf(settings),
    };
    // A malformed answer is counted and left out of the verdict, never a score.
    if (!parsed.ok)
      return { ...stats, judge_valid: 0, judge_score: null, judge_error: parsed.error };
    return {
      ...stats,
      judge_valid: 1,
      judge_score: parsed.value.score,
      judge_error: null,
      judge_rationale: parsed.value.rationale.slice(0, RATIONALE_CHARS),
    };
  },
  metrics: () => [...ITEM_METRICS, ...RUN_METRICS],
  // The rubric, scale, pass mark, sampling and prompt wording; the judge's model is the run's.
  scoringProvenance: (config) => ({ judge: judgeScoring(calibrationJudge(config)) }),
  aggregate(instances, config, context) {
    const items = groupByItem(instances);
    const values = aggregateItemMetrics(ITEM_METRICS, items, {
      seed: context.seed,
      breakdownBy: config.breakdownBy,
    });
    values.push(judgeHumanKappa(items));
    return values;
  },
};
