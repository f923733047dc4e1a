import {
  cleanSurname,
  ET_AL,
  NAME,
  NOT_AUTHORS,
  PARTICLES,
  SURNAME,
  YEAR,
} from './citation-patterns';

const AUTHOR_RULES: readonly RegExp[] = [
  // APA "Vaswani, A., …" and MLA "Vaswani, Ashish, et al."
  new RegExp(String.raw`^(${NAME}),\s+(?:\p{Lu}\.|\p{Lu}\p{Ll}+(?:,|\s+(?:et|and|&)\b|\.))`, 'u'),
  // IEEE "A. Vaswani, …", "J.-P. Sartre"
  new RegExp(String.raw`^(?:\p{Lu}\.\s*-?\s*)+(${NAME})\b`, 'u'),
  // ACL and chat "Jacob Devlin, Ming-Wei Chang, …", "Jacob Devlin et al."
  new RegExp(
    String.raw`^(?:\p{Lu}[\p{L}'’-]*\.?\s+)+?(${NAME})(?=,|\s+(?:and|&)\s|\.\s+${YEAR}|${ET_AL})`,
    'u',
  ),
  // Vancouver "Smith J, Jones K."
  new RegExp(String.raw`^(${NAME})\s+\p{Lu}{1,3}(?=[,.\s]|$)`, 'u'),
];

/** Whether a line opens like a reference entry: with an author list in a citation style. */
export function opensWithAuthors(line: string): boolean {
  const opening = line.replace(/^[^\p{L}]+/u, '');
  return AUTHOR_RULES.some((rule) => rule.test(opening));
}

const BY_AUTHOR = new RegExp(
  String.raw`\bby\s+(?:\p{Lu}[\p{L}'’-]*\.?\s+)*?(${NAME})(?=\s*(?:,|;|\band\b|&|\bet\.?\s*al|\(|\.|$))`,
  'u',
);
const ET_AL_AUTHOR = new RegExp(String.raw`(${NAME})${ET_AL}`, 'u');
const NARRATIVE_AUTHOR = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${PARTICLES}${SURNAME})(?:\s+(?:and|&)\s+${NAME})?,?\s+\(?${YEAR}`,
  'gu',
);

function fromLabeled(text: string): string | undefined {
  const m = /^[\s*•-]*[*_]*authors?[*_]*\s*[:：][*_\s]*(.+)$/imu.exec(text);
  if (!m) return undefined;
  const value = m[1].trim();
  const apa = AUTHOR_RULES[0].exec(value);
  if (apa) return apa[1];
  const firstName = value.split(/,|;|\band\b|&/u)[0].trim();
  const words = firstName.match(new RegExp(NAME, 'gu'));
  return words?.at(-1);
}

/**
 * First author's surname in a reference entry (title already removed): a labeled "Authors:"
 * field, then the name the entry opens with (APA, MLA, IEEE, ACL, Vancouver), then
 * "by First Last", "Surname et al." and "Surname (Year)" anywhere.
 */
export function findFirstAuthor(text: string): string | undefined {
  const found = firstAuthorAsWritten(text);
  return found === undefined ? undefined : cleanSurname(found);
}

function firstAuthorAsWritten(text: string): string | undefined {
  const labeled = fromLabeled(text);
  if (labeled !== undefined) return labeled;
  const opening = text.replace(/^[^\p{L}]+/u, '');
  for (const rule of AUTHOR_RULES) {
    const m = rule.exec(opening);
    if (m) return m[1];
  }
  const by = BY_AUTHOR.exec(text) ?? ET_AL_AUTHOR.exec(text);
  if (by) return by[1];
  for (const m of text.matchAll(NARRATIVE_AUTHOR)) {
    if (!NOT_AUTHORS.has(m[1].toLowerCase())) return m[1];
  }
  return undefined;
}

/**
 * Publication year in a reference entry (title already removed): a parenthesized year first,
 * then a labeled "Year:", then the first free-standing year that is not part of a range.
 */
export function findYear(text: string): number | undefined {
  const m =
    new RegExp(String.raw`\(\s*(${YEAR})[a-z]?\b[^)]*\)`, 'u').exec(text) ??
    new RegExp(String.raw`year\s*[:：]\s*[*_]*(${YEAR})`, 'iu').exec(text) ??
    new RegExp(String.raw`(?<![\p{N}–-])(${YEAR})[a-z]?(?![\p{N}–-])`, 'u').exec(text);
  return m ? Number(m[1]) : undefined;
}
