import { createHash } from 'node:crypto';
import { adapterSpecHash } from '@lastmile/adapters';
import { passScoreOf, rubricOf, type JudgeConfig, type JudgeSettings } from './judge-config';
import { JUDGE_PROMPT_VERSION, JUDGE_SYSTEM_PROMPT } from './judge-prompt';

export interface JudgeProvenance {
  /** 'judge:' + 16 hex of sha256(model spec hash, prompt hash, version): one judge, one id. */
  id: string;
  modelSpecHash: string;
  /** sha256 of everything the judge is told: prompt wording version, system prompt, rubric, scale, mode. */
  promptHash: string;
  version: string;
  mode: JudgeConfig['mode'];
  samples: number;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** sha256 of everything the judge is told, whichever model answers it. */
export function judgePromptHash(settings: JudgeSettings): string {
  return sha256(
    JSON.stringify([
      JUDGE_PROMPT_VERSION,
      settings.systemPrompt ?? JUDGE_SYSTEM_PROMPT,
      rubricOf(settings),
      settings.scale.min,
      settings.scale.max,
      settings.mode,
    ]),
  );
}

/** The judge id of a model (its adapter spec hash) asked with a prompt (its hash) at a version. */
export function judgeIdOf(modelSpecHash: string, promptHash: string, version: string): string {
  return `judge:${sha256(JSON.stringify([modelSpecHash, promptHash, version])).slice(0, 16)}`;
}

/**
 * The judge's identity for run provenance and the baseline version key: a new judge model, a
 * reworded rubric, another scale or a bumped version is another judge, whose scores are not
 * compared with the old one's. Sampling settings (temperature, samples) are recorded but do not
 * change the id of the judge, only how often it is asked.
 */
export function judgeProvenance(config: JudgeConfig): JudgeProvenance {
  const modelSpecHash = adapterSpecHash(config.model);
  const promptHash = judgePromptHash(config);
  return {
    id: judgeIdOf(modelSpecHash, promptHash, config.version),
    modelSpecHash,
    promptHash,
    version: config.version,
    mode: config.mode,
    samples: config.samples,
  };
}

/**
 * What a judge contributes to a run's scoring provenance (ScenarioKind.scoringProvenance): its
 * identity, the rubric it is given (so an incident can name it), and the settings that move its
 * verdicts (pass score, samples, temperature). All of it is in the baseline version key: scores of
 * another judge, rubric, pass mark or sampling are never compared with these as drift.
 */
export interface JudgeScoring {
  /** Present when the judge's model is known from the config (not for judge_calibration). */
  id?: string;
  modelSpecHash?: string;
  promptHash: string;
  promptVersion: string;
  version: string;
  mode: JudgeConfig['mode'];
  rubric: string;
  scale: { min: number; max: number };
  passScore: number;
  samples: number;
  temperature: number;
}

export function judgeScoring(settings: JudgeSettings, model?: JudgeConfig['model']): JudgeScoring {
  const promptHash = judgePromptHash(settings);
  const modelSpecHash = model ? adapterSpecHash(model) : undefined;
  return {
    ...(modelSpecHash
      ? { id: judgeIdOf(modelSpecHash, promptHash, settings.version), modelSpecHash }
      : {}),
    promptHash,
    promptVersion: JUDGE_PROMPT_VERSION,
    version: settings.version,
    mode: settings.mode,
    rubric: rubricOf(settings),
    scale: { min: settings.scale.min, max: settings.scale.max },
    passScore: passScoreOf(settings),
    samples: settings.samples,
    temperature: settings.temperature,
  };
}
