import { createHash } from 'node:crypto';
import { adapterSpecHash } from '@lastmile/adapters';
import { rubricOf, type JudgeConfig } from './judge-config';
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

/**
 * The judge's identity for run provenance and the baseline version key: a new judge model, a
 * reworded rubric, another scale or a bumped version is another judge, whose scores are not
 * compared with the old one's. Sampling settings (temperature, samples) are recorded but do not
 * change the id of the judge, only how often it is asked.
 */
export function judgeProvenance(config: JudgeConfig): JudgeProvenance {
  const modelSpecHash = adapterSpecHash(config.model);
  const prompt = JSON.stringify([
    JUDGE_PROMPT_VERSION,
    config.systemPrompt ?? JUDGE_SYSTEM_PROMPT,
    rubricOf(config),
    config.scale.min,
    config.scale.max,
    config.mode,
  ]);
  const promptHash = sha256(prompt);
  const id = `judge:${sha256(JSON.stringify([modelSpecHash, promptHash, config.version])).slice(0, 16)}`;
  return {
    id,
    modelSpecHash,
    promptHash,
    version: config.version,
    mode: config.mode,
    samples: config.samples,
  };
}
