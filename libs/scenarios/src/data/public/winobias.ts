import { lazy, readPublicFile } from './public-data';

export type WinoBiasType = 'type1' | 'type2';
export type Stereotype = 'pro' | 'anti';
export type WinoBiasSplit = 'dev' | 'test';

export interface WinoBiasSentence {
  /** wb-type1-pro-dev-001 */
  id: string;
  /** The pro and anti sentences of one line share it: type1-dev-001. */
  pair: string;
  type: WinoBiasType;
  stereotype: Stereotype;
  split: WinoBiasSplit;
  line: number;
  /** The sentence without the annotation brackets. */
  text: string;
  /** The pronoun to resolve, as written (lowercase): he, his, her, him… */
  pronoun: string;
  pronounFamily: 'he' | 'she';
  /** Occupations mentioned before the pronoun, in order ("the developer", "the designer"). */
  candidates: string[];
  /** The candidate the pronoun refers to. */
  answer: string;
  /** The antecedent occupation, as WinoBias's occupation lists spell it. */
  occupation: string;
  /** Which of WinoBias's lists holds it: female_occupations.txt or male_occupations.txt. */
  occupationGender: 'female' | 'male';
}

const MALE_FORMS = new Set(['he', 'him', 'his', 'himself']);
const FEMALE_FORMS = new Set(['she', 'her', 'hers', 'herself']);

export interface WinoBiasOccupations {
  female: string[];
  male: string[];
}

function occupationList(file: string): string[] {
  return readPublicFile(`winobias/${file}`)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export const winoBiasOccupations = lazy((): WinoBiasOccupations => ({
  female: occupationList('female_occupations.txt'),
  male: occupationList('male_occupations.txt'),
}));

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Strips the brackets, remembering where each bracketed span starts in the stripped text. */
function stripBrackets(annotated: string): {
  text: string;
  spans: { start: number; text: string }[];
} {
  const spans: { start: number; text: string }[] = [];
  let text = '';
  // Spacing is normalized first, so the recorded starts stay valid ("the [ physician]").
  for (const part of annotated
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(\[[^\]]*\])/)) {
    if (part.startsWith('[') && part.endsWith(']')) {
      const inner = part.slice(1, -1).trim();
      if (text !== '' && !text.endsWith(' ')) text += ' ';
      spans.push({ start: text.length, text: inner });
      text += inner;
    } else {
      text += part;
    }
  }
  return { text, spans };
}

/**
 * One WinoBias file: "N sentence" lines with the antecedent and the pronoun in brackets (a
 * third bracket, when present, is a second pronoun of the same person).
 */
export function parseWinoBiasFile(
  content: string,
  meta: { type: WinoBiasType; stereotype: Stereotype; split: WinoBiasSplit },
  occupations: WinoBiasOccupations,
): WinoBiasSentence[] {
  const all = [...occupations.female, ...occupations.male].sort((a, b) => b.length - a.length);
  const mention = new RegExp(`\\b(the|a|an)\\s+(${all.map(escape).join('|')})\\b`, 'gi');
  const gender = new Map<string, 'female' | 'male'>([
    ...occupations.female.map((o) => [o.toLowerCase(), 'female'] as const),
    ...occupations.male.map((o) => [o.toLowerCase(), 'male'] as const),
  ]);
  const out: WinoBiasSentence[] = [];
  for (const raw of content.split(/\r?\n/)) {
    const match = /^(\d+)\s+(.*)$/.exec(raw.trim());
    if (!match) continue;
    const line = Number(match[1]);
    const { text, spans } = stripBrackets(match[2]);
    if (spans.length < 2) throw new RangeError(`WinoBias line ${raw} has fewer than two brackets`);
    const antecedent = spans[0].text.replace(/^(the|a|an)\s+/i, '').toLowerCase();
    const pronoun = spans[1].text.toLowerCase();
    const family = MALE_FORMS.has(pronoun) ? 'he' : FEMALE_FORMS.has(pronoun) ? 'she' : null;
    if (family === null) throw new RangeError(`WinoBias line ${raw}: "${pronoun}" is no pronoun`);
    // Only occupations mentioned before the pronoun are candidates ("The developer hated the
    // cleaner and reported him to the manager").
    const pronounAt = spans[1].start;
    const candidates: string[] = [];
    const seen = new Set<string>();
    for (const m of text.matchAll(mention)) {
      const occupation = m[2].toLowerCase();
      if (m.index >= pronounAt || seen.has(occupation)) continue;
      seen.add(occupation);
      candidates.push(`the ${m[2]}`);
    }
    const answer = candidates.find((c) => c.slice(4).toLowerCase() === antecedent);
    const occupationGender = gender.get(antecedent);
    if (answer === undefined || occupationGender === undefined) {
      throw new RangeError(`WinoBias line ${raw}: antecedent "${antecedent}" is not an occupation`);
    }
    const number = String(line).padStart(3, '0');
    out.push({
      id: `wb-${meta.type}-${meta.stereotype}-${meta.split}-${number}`,
      pair: `${meta.type}-${meta.split}-${number}`,
      ...meta,
      line,
      text,
      pronoun,
      pronounFamily: family,
      candidates,
      answer,
      occupation: antecedent,
      occupationGender,
    });
  }
  return out;
}

export interface WinoBiasSet {
  sentences: WinoBiasSentence[];
  /** Dev pairs left out because a sentence of theirs is also in the test files (a data trap). */
  droppedDevPairs: string[];
}

const FILES: { type: WinoBiasType; stereotype: Stereotype; split: WinoBiasSplit }[] = (
  ['type1', 'type2'] as const
).flatMap((type) =>
  (['pro', 'anti'] as const).flatMap((stereotype) =>
    (['dev', 'test'] as const).map((split) => ({ type, stereotype, split })),
  ),
);

const allSentences = lazy(() =>
  FILES.flatMap((meta) =>
    parseWinoBiasFile(
      readPublicFile(`winobias/${meta.stereotype}_stereotyped_${meta.type}.txt.${meta.split}`),
      meta,
      winoBiasOccupations(),
    ),
  ),
);

/**
 * WinoBias sentences of the chosen splits. Six sentences (three pro/anti pairs: type 1 dev
 * line 396, type 2 dev lines 395–396) are repeated verbatim in the test files; with both splits
 * the dev copy of such a pair is left out, so no sentence counts twice and pairs stay whole.
 */
export function winoBiasSentences(splits: readonly WinoBiasSplit[] = ['dev', 'test']): WinoBiasSet {
  const chosen = allSentences().filter((s) => splits.includes(s.split));
  const key = (s: WinoBiasSentence) => `${s.type}|${s.stereotype}|${s.text}`;
  const inTest = new Set(chosen.filter((s) => s.split === 'test').map(key));
  const dropped = new Set(
    chosen.filter((s) => s.split === 'dev' && inTest.has(key(s))).map((s) => s.pair),
  );
  return {
    sentences: chosen.filter((s) => !dropped.has(s.pair)),
    droppedDevPairs: [...dropped].sort(),
  };
}
