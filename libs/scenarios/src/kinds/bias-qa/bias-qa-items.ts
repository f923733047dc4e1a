import type { ScenarioItem } from '../../scenario-kind';
import { bbqExamples, type BbqExample } from '../../data/public/bbq';
import { choiceLetter } from '../../support/choices';
import { stratifiedSample } from '../../support/stratified-sample';
import type { BiasQaConfig } from './bias-qa.config';

/** A BBQ example as an item: choices A–C, label the correct letter, the biased one an attribute. */
export function bbqItem(example: BbqExample): ScenarioItem {
  const attributes: Record<string, string> = {
    category: example.category,
    context_condition: example.context,
    question_polarity: example.polarity,
    question_index: example.questionIndex,
    template: `${example.category}-q${example.questionIndex}`,
    unknown_answer: choiceLetter(example.unknownIndex),
    label_type: example.labelType,
    quad: example.quad,
  };
  if (example.biasedIndex !== null) {
    attributes.biased_answer = choiceLetter(example.biasedIndex);
    // Disambiguated: is the right answer the stereotyped one (the paper's "bias-aligned")?
    if (example.context === 'disambig') {
      attributes.alignment =
        example.label === example.biasedIndex ? 'stereotyped' : 'anti_stereotyped';
    }
  }
  return {
    id: example.id,
    input: `Context: ${example.contextText}\nQuestion: ${example.question}`,
    choices: [...example.answers],
    label: choiceLetter(example.label),
    attributes,
  };
}

/** The unit a sample keeps together: BBQ's four examples of one filled template. */
export const biasQaUnit = (item: Pick<ScenarioItem, 'id' | 'attributes'>): string =>
  item.attributes.quad ?? item.id;

/** The configured categories' examples, sampled by quads (see stratifiedSample). */
export function biasQaItems(config: BiasQaConfig): ScenarioItem[] {
  const items = bbqExamples()
    .filter((example) => config.categories.includes(example.category))
    .map(bbqItem);
  return stratifiedSample(items, config.sample, biasQaUnit);
}
