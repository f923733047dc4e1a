import { normalizeText } from './normalize-text';

export type ChoiceRule = 'leading_label' | 'answer_statement' | 'choice_text';

export interface ChoicePick {
  /** Index into `choices`, or null when the response names no single choice. */
  index: number | null;
  /** Which rule picked it (see `pickChoice`). */
  rule: ChoiceRule | null;
}

export interface PickChoiceOptions {
  /** Choice labels, one per choice (default A, B, C, …). */
  labels?: readonly string[];
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function defaultLabels(count: number): string[] {
  if (count > 26) throw new RangeError('more than 26 choices need explicit labels');
  return Array.from({ length: count }, (_, i) => String.fromCharCode(65 + i));
}

function labelIndex(labels: readonly string[], label: string): number {
  return labels.findIndex((l) => l.toLowerCase() === label.toLowerCase());
}

function leadingLabel(response: string, alternation: string): string | undefined {
  // A label opens the response when bracketed or followed by a delimiter or the end of the line,
  // so the article in "A cat" is not read as choice A.
  const re = new RegExp(
    `^[\\s*_#>"'“‘\`]*(?:\\(\\s*(${alternation})\\s*\\)|\\[\\s*(${alternation})\\s*\\]|(${alternation})(?=[.):\\]*_"'”’]|\\s+[-–—]\\s|\\s*$|\\s*\\n))`,
    'iu',
  );
  const m = re.exec(response);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

function answerStatementLabel(
  response: string,
  alternation: string,
  labels: readonly string[],
): string | undefined {
  const re = new RegExp(
    `\\b(?:answer|option|choice)\\b(?:\\s+(?:is|would be|will be))?\\s*[:=-]?\\s*[*_]*(?:\\(\\s*(${alternation})\\s*\\)|(${alternation}))(?![\\p{L}\\p{N}])`,
    'giu',
  );
  let last: string | undefined;
  for (const m of response.matchAll(re)) {
    const bracketed = m[1];
    const bare = m[2];
    if (bracketed !== undefined) last = bracketed;
    else if (bare !== undefined) {
      // A bare label in another case than given ("answer is a …") is taken only when nothing
      // but punctuation or the end follows, so "the answer is a cat" picks nothing.
      const rest = response.slice((m.index ?? 0) + m[0].length);
      if (labels.includes(bare) || /^\s*(?:$|[.,;:!?)\]*"'”’\n])/u.test(rest)) last = bare;
    }
  }
  return last;
}

function choiceByText(response: string, choices: readonly string[]): number | null {
  const said = ` ${normalizeText(response)} `;
  const texts = choices.map((c) => normalizeText(c));
  const exact = texts.findIndex((t) => t !== '' && ` ${t} ` === said);
  if (exact >= 0) return exact;
  const found = texts.flatMap((t, i) => (t !== '' && said.includes(` ${t} `) ? [i] : []));
  // "New York City" also contains "New York": keep only matches not inside another match.
  const maximal = found.filter(
    (i) => !found.some((j) => j !== i && texts[j] !== texts[i] && texts[j].includes(texts[i])),
  );
  return maximal.length === 1 ? maximal[0] : null;
}

/**
 * Which choice a free-text response picks. Rules, first that applies wins:
 * 1. leading_label: the response opens with a label, bracketed "(B)" "[B]" or followed by
 *    a delimiter (. ) : ] or a dash) or the end of the line: "B", "B) Paris", "**B.**".
 * 2. answer_statement: the last "answer/option/choice [is] [:] B" in the response.
 * 3. choice_text: the normalized response equals one choice's normalized text, or contains
 *    exactly one choice's text as whole words (ignoring a choice contained in another match).
 * Otherwise no pick (index null), which scores as wrong.
 */
export function pickChoice(
  response: string,
  choices: readonly string[],
  options: PickChoiceOptions = {},
): ChoicePick {
  const labels = options.labels ?? defaultLabels(choices.length);
  if (labels.length !== choices.length) throw new RangeError('need one label per choice');
  const alternation = [...labels]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  const leading = leadingLabel(response, alternation);
  if (leading !== undefined) return { index: labelIndex(labels, leading), rule: 'leading_label' };
  const stated = answerStatementLabel(response, alternation, labels);
  if (stated !== undefined) return { index: labelIndex(labels, stated), rule: 'answer_statement' };
  const byText = choiceByText(response, choices);
  return byText === null ? { index: null, rule: null } : { index: byText, rule: 'choice_text' };
}

/** 1 when the response picks the correct choice (see `pickChoice`), else 0. */
export function multipleChoiceAccuracy(
  response: string,
  choices: readonly string[],
  correctIndex: number,
  options: PickChoiceOptions = {},
): number {
  if (!Number.isInteger(correctIndex) || correctIndex < 0 || correctIndex >= choices.length) {
    throw new RangeError(`correctIndex ${correctIndex} is not a choice`);
  }
  return pickChoice(response, choices, options).index === correctIndex ? 1 : 0;
}
