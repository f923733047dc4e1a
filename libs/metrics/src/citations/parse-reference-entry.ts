import { findArxivIds } from './arxiv';
import type { Citation } from './citation.types';
import { findDois } from './doi';
import { findAuthorList } from './entry-author-list';
import { findFirstAuthor, findYear } from './entry-author-year';
import { findEntryTitle } from './entry-title';

const blank = (text: string, start: number, end: number): string =>
  text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);

function withoutLinks(text: string): string {
  let clean = text.replace(/\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*\)/gu, '$1');
  // URLs, DOIs and arXiv ids are read first; blanking them keeps their digits out of the year.
  for (const m of clean.matchAll(/https?:\/\/\S+|www\.\S+/gu)) {
    clean = blank(clean, m.index, m.index + m[0].length);
  }
  for (const found of [...findDois(clean), ...findArxivIds(clean)]) {
    clean = blank(clean, found.start, found.end);
  }
  return clean.replace(/\b(?:doi|arxiv|url)\s*:/giu, '    ');
}

/**
 * Reads one reference-list item (without its list marker) as one citation: DOI, arXiv id,
 * title, first author's surname, every author's surname (when the list parses) and year, each
 * when the text gives it. Null when it gives no title (an emphasized phrase alone is none), no
 * identifier and no author with a year.
 */
export function parseReferenceEntry(text: string): Citation | null {
  const doi = findDois(text)[0]?.doi;
  const arxivId = findArxivIds(text)[0]?.arxivId;
  const clean = withoutLinks(text);
  const titleSpan = findEntryTitle(clean);
  const rest = titleSpan ? blank(clean, titleSpan.start, titleSpan.end) : clean;
  const firstAuthor = findFirstAuthor(rest);
  const year = findYear(rest);
  const strongTitle = titleSpan !== null && titleSpan.weak !== true;
  if (!strongTitle && !doi && !arxivId && !(firstAuthor && year)) return null;
  const citation: Citation = { text: text.trim(), source: 'reference_entry' };
  if (titleSpan) citation.title = titleSpan.title;
  if (firstAuthor !== undefined) citation.firstAuthor = firstAuthor;
  const authors = findAuthorList(clean, firstAuthor, titleSpan?.start);
  if (authors !== undefined) citation.authors = authors;
  if (year !== undefined) citation.year = year;
  if (doi !== undefined) citation.doi = doi;
  if (arxivId !== undefined) citation.arxivId = arxivId;
  return citation;
}
