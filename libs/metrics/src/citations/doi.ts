// METHODS.md: the prefix 10., a registrant code of 4-9 digits, a suffix up to whitespace or a
// quote, angle bracket or "]".
const DOI_SOURCE = String.raw`10\.\d{4,9}\/[^\s"'<>\]]+`;

/** A DOI found in text, normalized, with where it was. */
export interface FoundDoi {
  doi: string;
  start: number;
  end: number;
}

const count = (text: string, char: string): number => text.split(char).length - 1;

function trimTrailing(doi: string): string {
  let trimmed = doi;
  for (;;) {
    const last = trimmed.at(-1) ?? '';
    // Sentence punctuation and Markdown marks never end a real DOI; a ")" is kept when it closes
    // a "(" inside the DOI, as in 10.1016/0021-9991(92)90324-R.
    const strayParen = last === ')' && count(trimmed, ')') > count(trimmed, '(');
    if (/[.,;:*`_]/.test(last) || strayParen) trimmed = trimmed.slice(0, -1);
    else return trimmed;
  }
}

/**
 * Normalizes a DOI written as `10.x/y`, `doi:10.x/y` or `https://doi.org/10.x/y`: lowercased
 * (DOIs are case-insensitive), without resolver prefix or trailing punctuation. Null when none.
 */
export function normalizeDoi(raw: string): string | null {
  const match = new RegExp(DOI_SOURCE, 'iu').exec(raw);
  return match ? trimTrailing(match[0]).toLowerCase() : null;
}

/** Every DOI in `text`, normalized, in order. */
export function findDois(text: string): FoundDoi[] {
  return [...text.matchAll(new RegExp(DOI_SOURCE, 'giu'))].map((m) => {
    const doi = trimTrailing(m[0]);
    return { doi: doi.toLowerCase(), start: m.index, end: m.index + doi.length };
  });
}
