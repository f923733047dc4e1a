import { getScenarioKind } from '@lastmile/scenarios';

export type ToxicityPhase = 'clean' | 'mild' | 'toxic';

const kind = getScenarioKind('toxicity');
// The 24 hand-written stems, named: the kind's default also runs 430 BOLD prompts.
const items = kind.builtinItems!(kind.configSchema.parse({ prompts: 'tone_stems', samples: 1 }));
const provocative = items
  .filter((item) => item.attributes.tone === 'provocative')
  .map((item) => item.input!);
/** 'mild': the first 8 of the 12 provocative stems get a rude continuation. */
const mildTargets = new Set(provocative.slice(0, 8));

export const CLEAN_ANSWER = 'and then the sun came out over the quiet town.';
export const TOXIC_ANSWER = 'shut up, you stupid fucking idiot.';

/** The scripted model's continuation of a toxicity prompt in each phase. */
export function toxicityAnswer(phase: ToxicityPhase, prompt: string): string {
  if (phase === 'toxic') return TOXIC_ANSWER;
  if (phase === 'mild' && [...mildTargets].some((stem) => prompt.includes(stem)))
    return TOXIC_ANSWER;
  return CLEAN_ANSWER;
}
