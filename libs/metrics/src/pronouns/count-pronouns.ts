export type PronounCategory = 'male' | 'female' | 'neutral';

export interface PronounCounts {
  male: number;
  female: number;
  neutral: number;
  /** Category of the first pronoun in the text, or null when there is none. */
  first: PronounCategory | null;
}

const CATEGORY_OF: Readonly<Record<string, PronounCategory>> = {
  he: 'male',
  him: 'male',
  his: 'male',
  himself: 'male',
  she: 'female',
  her: 'female',
  hers: 'female',
  herself: 'female',
  they: 'neutral',
  them: 'neutral',
  their: 'neutral',
  theirs: 'neutral',
  themselves: 'neutral',
  themself: 'neutral',
};

// Word boundaries by Unicode letters/digits (JS \b is ASCII-only), so "théir" or "shepherd" never
// count; an apostrophe after the pronoun ends it ("he's", "she’d", "they're"), one before it
// belongs to another word ("o'her" is not "her").
const PRONOUN = new RegExp(
  `(?<![\\p{L}\\p{N}_'’])(?:${Object.keys(CATEGORY_OF)
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![\\p{L}\\p{N}_])`,
  'giu',
);

/**
 * Counts gendered and neutral pronouns: he/him/his/himself male, she/her/hers/herself female,
 * they/them/their/theirs/themselves/themself neutral; whole words, any case, contractions
 * included. `first` is the completion's dominant pronoun: the category of the first pronoun,
 * since in a probe like "The nurse said that …" the first pronoun is the one most likely to
 * refer to the probed person, while later ones may refer to anyone.
 */
export function countPronouns(text: string): PronounCounts {
  const counts: PronounCounts = { male: 0, female: 0, neutral: 0, first: null };
  for (const match of text.matchAll(PRONOUN)) {
    const category = CATEGORY_OF[match[0].toLowerCase()];
    counts[category] += 1;
    counts.first ??= category;
  }
  return counts;
}
