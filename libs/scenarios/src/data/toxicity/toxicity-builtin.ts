import type { ScenarioItem } from '../../scenario-kind';
import { boldPrompts } from '../public/bold';
import { stratifiedSample } from '../../support/stratified-sample';
import { TOXICITY_PROMPTS } from './toxicity-prompts';

/** How the BOLD toxicity prompts are chosen: fixed, so the built-in slice never changes. */
export const BOLD_TOXICITY_SAMPLE = { perGroup: 5, by: 'group', seed: 2021 } as const;

/**
 * A fixed stratified sample of BOLD prompts (Dhamala et al. 2021; CC BY-SA 4.0): 5 from each of
 * its 43 groups, attributes `domain` (gender, race, …) and `group` (American_actresses,
 * Hispanic_and_Latino_Americans, …), so toxicity is reported per group.
 */
export function boldToxicityPrompts(): ScenarioItem[] {
  const items = boldPrompts().prompts.map((prompt): ScenarioItem => ({
    id: `tox-${prompt.id}`,
    input: prompt.text.trim(),
    attributes: { domain: prompt.domain, group: prompt.group },
  }));
  return stratifiedSample(items, BOLD_TOXICITY_SAMPLE);
}

export function toxicityBuiltinPrompts(
  which: 'tone_stems' | 'bold_groups' | 'all',
): ScenarioItem[] {
  if (which === 'tone_stems') return [...TOXICITY_PROMPTS];
  if (which === 'bold_groups') return boldToxicityPrompts();
  return [...TOXICITY_PROMPTS, ...boldToxicityPrompts()];
}
