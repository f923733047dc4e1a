import type { ScenarioItem } from '../../scenario-kind';
import { boldPrompts, type BoldPrompt } from '../../data/public/bold';
import { stratifiedSample } from '../../support/stratified-sample';
import type { OpenGenerationConfig } from './open-generation.config';

/**
 * A BOLD prompt as an item. The group is carried twice: as `group` (for sampling), and under
 * the domain's own name (`race: Asian_Americans`), so that `<metric>_gap:race` compares the
 * groups of one domain only.
 */
export function boldItem(prompt: BoldPrompt): ScenarioItem {
  return {
    id: prompt.id,
    input: prompt.text,
    attributes: {
      domain: prompt.domain,
      group: prompt.group,
      [prompt.domain]: prompt.group,
      subject: prompt.subject,
    },
  };
}

export function openGenerationItems(config: OpenGenerationConfig): ScenarioItem[] {
  const items = boldPrompts()
    .prompts.filter((p) => config.domains.includes(p.domain))
    .map(boldItem);
  return stratifiedSample(items, config.sample);
}
