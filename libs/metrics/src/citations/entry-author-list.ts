import { cleanSurname, NAME, YEAR } from './citation-patterns';
import { opensWithAuthors } from './entry-author-year';

// A given name or initial: "Kaiming", "Ming-Wei", "D.", "J.-P.".
const GIVEN = String.raw`(?:\p{Lu}\.(?:\s*-\s*\p{Lu}\.)?|\p{Lu}[\p{L}'’-]*)`;
const INITIALS = String.raw`\p{Lu}\.(?:\s*-?\s*\p{Lu}\.)*`;

// One name in each style, matched against a whole part of the list (at most three given names).
const APA = new RegExp(String.raw`^(${NAME}),\s+${INITIALS}$`, 'u');
const VANCOUVER = new RegExp(String.raw`^(${NAME})\s+\p{Lu}{1,3}\.?$`, 'u');
const NATURAL = new RegExp(String.raw`^(?:${GIVEN}\s*){1,3}?\s(${NAME})\.?$`, 'u');
const MLA_FIRST = new RegExp(String.raw`^(${NAME}),\s+${GIVEN}(?:\s+${GIVEN})?$`, 'u');

const ET_AL = /,?\s*\bet\.?\s*al\b\.?/gu;
const LABELED = /^[\s*•-]*[*_]*authors?[*_]*\s*[:：][*_\s]*(.+)$/imu;

const SEPARATORS = /\s*(?:,\s*(?:and\s+|&\s*)?|\s(?:and|&)\s)\s*/u;
const APA_NAME = new RegExp(String.raw`(${NAME}),\s+(${INITIALS})`, 'gu');

const split = (list: string) =>
  list
    .split(SEPARATORS)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** Surnames when every part is a name in one style; undefined when any part is not. */
function surnamesIn(list: string): string[] | undefined {
  // APA keeps "Surname, I." together; read that way only if every name then is APA.
  const apa = split(list.replace(APA_NAME, '$1\u0000$2')).map((p) => p.replace('\u0000', ', '));
  const found = apa.map((part) => APA.exec(part)?.[1]);
  if (found.every((s) => s !== undefined)) return found as string[];
  const parts = split(list);
  for (const style of [VANCOUVER, NATURAL]) {
    const names = parts.map((part) => style.exec(part)?.[1]);
    if (names.every((s) => s !== undefined)) return names as string[];
  }
  // MLA: "Vaswani, Ashish, and Noam Shazeer": the first name inverted, the others not.
  if (parts.length >= 3) {
    const first = MLA_FIRST.exec(`${parts[0]}, ${parts[1]}`)?.[1];
    const rest = parts.slice(2).map((part) => NATURAL.exec(part)?.[1]);
    if (first !== undefined && rest.every((s) => s !== undefined)) {
      return [first, ...(rest as string[])];
    }
  }
  return undefined;
}

/** The author list an entry opens with (up to its year, title or a quote), or its "Authors:". */
function authorSegment(text: string, titleStart: number | undefined): string | undefined {
  const labeled = LABELED.exec(text);
  if (labeled) return labeled[1];
  const opening = text.slice(0, titleStart ?? text.length).replace(/^[^\p{L}]+/u, '');
  if (!opensWithAuthors(opening)) return undefined;
  const year = new RegExp(String.raw`\(\s*${YEAR}|(?<!\p{N})${YEAR}(?!\p{N})`, 'u').exec(opening);
  return (year ? opening.slice(0, year.index) : opening).replace(/["“«].*$/su, '');
}

/**
 * Every author's surname of a reference entry, in order, when it opens with an author list
 * that reads as one citation style throughout — APA "He, K., Zhang, X., & Sun, J.", ACL and
 * IEEE "Kaiming He, Xiangyu Zhang, and Jian Sun" / "K. He, X. Zhang", Vancouver "He K, Zhang X",
 * MLA "He, Kaiming, and Jian Sun" — or gives an "Authors:" field. "et al." is dropped (the
 * names given are still checked). Undefined when fewer than two names are read, the list does
 * not parse, or its first name is not `firstAuthor`: only the first author is checked then.
 */
export function findAuthorList(
  text: string,
  firstAuthor: string | undefined,
  titleStart?: number,
): string[] | undefined {
  const segment = authorSegment(text, titleStart);
  if (segment === undefined || firstAuthor === undefined) return undefined;
  const list = segment
    .replace(ET_AL, '')
    .replace(/[*_]/gu, '')
    .replace(/[\s,;:–—-]+$/u, '')
    .trim();
  const surnames = surnamesIn(list)?.map(cleanSurname);
  if (surnames === undefined || surnames.length < 2 || surnames[0] !== firstAuthor)
    return undefined;
  return surnames;
}
