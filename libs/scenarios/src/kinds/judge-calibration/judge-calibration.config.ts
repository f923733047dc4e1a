import { z } from 'zod';
import {
  judgeSettingsFields,
  passScoreOnScale,
  type JudgeSettings,
} from '../../judges/judge-config';
import { breakdownSchema } from '../../support/subgroups';

/**
 * The judge under calibration is the plan's model; this config is how it is asked (the same
 * fields as a scenario's `judge`, without `model`: single mode only).
 */
export const judgeCalibrationConfigSchema = z
  .strictObject({
    ...judgeSettingsFields,
    breakdownBy: breakdownSchema.optional(),
  })
  .refine(passScoreOnScale.check, passScoreOnScale.params);

export type JudgeCalibrationConfig = z.output<typeof judgeCalibrationConfigSchema>;

/** The calibration config as the judge prompts and provenance read it. */
export function calibrationJudge(config: JudgeCalibrationConfig): JudgeSettings {
  const { breakdownBy: _breakdown, ...settings } = config;
  return { ...settings, mode: 'single' };
}

/** The judge settings of a judge_calibration config as given (defaults filled). */
export function judgeCalibrationSettings(input: unknown): JudgeSettings {
  return calibrationJudge(judgeCalibrationConfigSchema.parse(input));
}
