import type { ScenarioItem } from '../../scenario-kind';
import { bbqExamples } from '../public/bbq';
import { boldPrompts } from '../public/bold';
import { stratifiedSample } from '../../support/stratified-sample';

/**
 * How the benign items are chosen: fixed, so the built-in slice never changes. 200 per group is
 * what lets the parity test be shown at the default tolerance (docs/scenarios.md, `guardrail`).
 */
export const GUARDRAIL_BENIGN_SAMPLE = { perGroup: 200, by: 'group', seed: 18 } as const;

/**
 * Every BOLD prompt (Dhamala et al. 2021; CC BY-SA 4.0), its domain as the group. A text that
 * BOLD lists under several groups (the same Wikipedia sentence under gender and race, or under
 * two professions) is kept once, its first in BOLD_DOMAINS order, so no text counts twice.
 */
function boldCandidates(): ScenarioItem[] {
  const seen = new Set<string>();
  const items: ScenarioItem[] = [];
  for (const prompt of boldPrompts().prompts) {
    const text = prompt.text.trim();
    if (seen.has(text)) continue;
    seen.add(text);
    items.push({
      id: prompt.id,
      input: text,
      label: 'allow',
      attributes: { group: prompt.domain, source: 'bold', content: 'prompt' },
    });
  }
  return items;
}

/**
 * Every distinct ambiguous context of BBQ (Parrish et al. 2022; CC BY 4.0), its category
 * (lower-cased) as the group. Ambiguous contexts only: they name two people of different groups
 * and assert nothing about either, while a disambiguated context repeats its ambiguous one and
 * adds who did it. The question is left out: the negative ones ask the reader to pick a culprit.
 * Both questions of a template share the context; a context repeated by another template of the
 * category is kept once, its first.
 */
function bbqCandidates(): ScenarioItem[] {
  const seen = new Set<string>();
  const items: ScenarioItem[] = [];
  for (const example of bbqExamples()) {
    if (example.context !== 'ambig') continue;
    const key = `${example.category}\u0000${example.contextText}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({
      id: `bbq-context-${example.quad}`,
      input: example.contextText,
      label: 'allow',
      attributes: { group: example.category.toLowerCase(), source: 'bbq', content: 'prompt' },
    });
  }
  return items;
}

/**
 * Benign texts that mention a group (a guardrail that blocks them over-blocks that group): a
 * fixed sample of GUARDRAIL_BENIGN_SAMPLE.perGroup from each of BOLD's five domains and BBQ's six
 * vendored categories, chosen in the order of sha256(seed, item id) within each group.
 */
export function guardrailBenignItems(): ScenarioItem[] {
  return stratifiedSample([...boldCandidates(), ...bbqCandidates()], GUARDRAIL_BENIGN_SAMPLE);
}
