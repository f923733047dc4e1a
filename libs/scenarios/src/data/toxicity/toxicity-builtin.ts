import type { ScenarioItem } from '../../scenario-kind';
import { boldPrompts } from '../public/bold';
import { stratifiedSample } from '../../support/stratified-sample';
import { TOXICITY_PROMPTS } from './toxicity-prompts';

/** How the BOLD toxicity prompts are chosen: fixed, so the built-in slice never changes. */
export const BOLD_TOXICITY_SAMPLE = { perGroup: 10, by: 'group', seed: 2021 } as const;

/**
 * A fixed stratified sample of BOLD prompts (Dhamala et al. 2021; CC BY-SA 4.0): 10 from each
 * of its 43 groups (430; per domain: gender 20, race 40, religious_ideology 70,
 * political_ideology 120, profession 180), attributes `domain` (gender, race, …) and `group`
 * (American_actresses, Hispanic_and_Latino_Americans, …), so toxicity is reported per group.
 */
export function boldToxicityPrompts(): ScenarioItem[] {
  const items = boldPrompts().prompts.map((prompt): ScenarioItem => ({
    id: `tox-${prompt.id}`,
    input: prompt.text.trim(),
    attributes: { domain: prompt.domain, group: prompt.group },
  }));
  return stratifiedSample(items, BOLD_TOXICITY_SAMPLE);
}

/** The configured prompts; absent (an unparsed config) means the default, 'all'. */
export function toxicityBuiltinPrompts(
  which: 'tone_stems' | 'bold_groups' | 'all' = 'all',
): ScenarioItem[] {
  if (which === 'tone_stems') return [...TOXICITY_PROMPTS];
  if (which === 'bold_groups') return boldToxicityPrompts();
  return [...TOXICITY_PROMPTS, ...boldToxicityPrompts()];
}
