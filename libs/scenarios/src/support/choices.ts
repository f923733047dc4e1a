import type { ScenarioItem } from '../scenario-kind';

export const choiceLetter = (index: number): string => String.fromCharCode(65 + index);

/** The item's choices; at least two and at most 26 (one letter each). */
export function choicesOf(item: ScenarioItem): string[] {
  const choices = item.choices ?? [];
  if (choices.length < 2) throw new RangeError(`multiple-choice item ${item.id} needs ≥ 2 choices`);
  if (choices.length > 26) throw new RangeError(`multiple-choice item ${item.id} has > 26 choices`);
  return choices;
}

/** "A. Paris\nB. London…" */
export function formatChoices(choices: readonly string[]): string {
  return choices.map((choice, i) => `${choiceLetter(i)}. ${choice}`).join('\n');
}

/** The correct choice's index: the label is a letter ("B") or the exact text of a choice. */
export function correctIndex(item: ScenarioItem): number {
  const choices = choicesOf(item);
  const label = (item.label ?? '').trim();
  const byLetter = /^[A-Za-z]$/.test(label) ? label.toUpperCase().charCodeAt(0) - 65 : -1;
  const index = byLetter >= 0 && byLetter < choices.length ? byLetter : choices.indexOf(label);
  if (index < 0) {
    throw new RangeError(`label "${label}" of item ${item.id} is neither a letter nor a choice`);
  }
  return index;
}
