import { formatChoices } from '../support/choices';

/**
 * What a judge — and a person in the review queue — is shown as the question: the item's input,
 * and a multiple-choice item's lettered choices under it (an answer "B" means nothing without
 * them).
 */
export function judgeQuestion(item: {
  input?: string | null;
  choices?: readonly string[] | null;
}): string {
  const input = item.input ?? '';
  if (!item.choices || item.choices.length === 0) return input;
  return `${input}\n\n${formatChoices(item.choices)}`;
}
