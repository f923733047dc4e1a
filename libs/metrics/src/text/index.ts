export { normalizeText, type NormalizeTextOptions } from './normalize-text';
export { exactMatch, quasiExactMatch } from './exact-match';
export { tokenF1, tokenF1Pair } from './token-f1';
export {
  pickChoice,
  multipleChoiceAccuracy,
  type ChoicePick,
  type ChoiceRule,
  type PickChoiceOptions,
} from './multiple-choice';
