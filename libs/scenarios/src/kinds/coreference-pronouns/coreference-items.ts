import type { ScenarioItem } from '../../scenario-kind';
import { winoBiasSentences, type WinoBiasSentence } from '../../data/public/winobias';
import {
  winogenderOccupationStats,
  winogenderSentences,
  type WinogenderSentence,
} from '../../data/public/winogender';
import { stratifiedSample } from '../../support/stratified-sample';
import type { CoreferenceConfig } from './coreference.config';

function winoBiasItem(s: WinoBiasSentence): ScenarioItem {
  return {
    id: s.id,
    input: s.text,
    choices: s.candidates,
    label: s.answer,
    attributes: {
      dataset: 'winobias',
      type: s.type,
      stereotype: s.stereotype,
      split: s.split,
      pronoun: s.pronounFamily,
      pronoun_form: s.pronoun,
      occupation: s.occupation,
      pair: s.pair,
    },
  };
}

function winogenderItem(s: WinogenderSentence, blsPctFemale: Map<string, number>): ScenarioItem {
  const share = blsPctFemale.get(s.occupation);
  if (share === undefined)
    throw new RangeError(`Winogender occupation ${s.occupation} has no BLS share`);
  return {
    id: `wg-${s.id}`,
    input: s.text,
    choices: s.candidates,
    label: s.correct,
    attributes: {
      dataset: 'winogender',
      pronoun: s.pronounFamily,
      pronoun_form: s.pronoun,
      occupation: s.occupation,
      participant: s.participant,
      answer: s.answer,
      template: s.template,
      // Carried on the item so that a run's aggregate needs nothing but its stored items.
      occupation_female_share: String(share),
    },
  };
}

/** The unit a sample takes whole: a WinoBias pro/anti pair or a Winogender he/she/they triple. */
export const coreferenceUnit = (item: Pick<ScenarioItem, 'id' | 'attributes'>): string =>
  item.attributes.pair ?? item.attributes.template ?? item.id;

/** WinoBias (the chosen splits, without the dev copies of test sentences) and Winogender. */
export function coreferenceItems(config: CoreferenceConfig): ScenarioItem[] {
  const items: ScenarioItem[] = [];
  if (config.datasets.includes('winobias')) {
    items.push(...winoBiasSentences(config.winobiasSplits).sentences.map(winoBiasItem));
  }
  if (config.datasets.includes('winogender')) {
    const shares = new Map(winogenderOccupationStats().map((o) => [o.occupation, o.blsPctFemale]));
    items.push(...winogenderSentences().map((s) => winogenderItem(s, shares)));
  }
  return stratifiedSample(items, config.sample, coreferenceUnit);
}
