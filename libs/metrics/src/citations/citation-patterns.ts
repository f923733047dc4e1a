// Regex sources shared by the reference-entry and in-text parsers (used with the u flag).

const PARTICLE_WORDS = 'van von de der den del della di da du la le ter ten dos das zu'.split(' ');

/** Lowercase name particles that may precede a surname ("van der Berg"). */
export const PARTICLES = String.raw`(?:(?:${PARTICLE_WORDS.join('|')})\s+)*`;

/** Lowercase words an author list may hold besides names: particles, "and", "et al.". */
export const PARTICLES_AND_LINKS: readonly string[] = [...PARTICLE_WORDS, 'and', 'et', 'al'];

/**
 * A surname: capitalized, with a lowercase letter, so acronyms like BERT are not names. The
 * lookahead checks for the lowercase letter without backtracking over the word.
 */
export const SURNAME = String.raw`\p{Lu}(?=[\p{Lu}'’-]*\p{Ll})[\p{L}'’-]*`;

export const NAME = `${PARTICLES}${SURNAME}`;

export const ET_AL = String.raw`\s+et\.?\s*al\.?`;

/** A plausible publication year, 1800-2099. */
export const YEAR = String.raw`(?:18|19|20)\d\d`;

/** Capitalized words that open sentences or name dates and so are not authors of "X (2019)". */
export const NOT_AUTHORS = new Set(
  (
    'in the this that these those since from until after before by see also and or of on at ' +
    'published released updated revised accessed retrieved available online version edition ' +
    'year circa around figure table section chapter volume page note preprint paper study ' +
    'report proceedings conference journal january february march april may june july august ' +
    'september october november december spring summer autumn fall winter'
  ).split(' '),
);

/** Removes Markdown emphasis and surrounding quotes and punctuation from a title. */
export function cleanCitedTitle(raw: string): string {
  return raw
    .replace(/\*\*|__|(?<![\p{L}\p{N}])[*_]|[*_](?![\p{L}\p{N}])/gu, '')
    .replace(/^[\s"“”'‘’«»]+|[\s"“”'‘’«»]+$/gu, '')
    .replace(/[\s.,;:]+$/u, '')
    .replace(/^[\s"“”'‘’«»]+|[\s"“”'‘’«»]+$/gu, '')
    .trim();
}

/** A surname as cited, without a possessive "'s". */
export const cleanSurname = (name: string): string => name.replace(/['’]s$/u, '');

export const wordCount = (text: string): number =>
  text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
