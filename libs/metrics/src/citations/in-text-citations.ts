import type { Citation } from './citation.types';
import { wordCount } from './citation-patterns';
import { findSignals, type Signal } from './in-text-signals';

/** Most words between two pieces of evidence that still describe one work. */
export const MAX_GAP_WORDS = 4;

type Group = Signal & { weakOnly: boolean };

const FIELDS = ['title', 'firstAuthor', 'doi', 'arxivId'] as const;

function joins(group: Group, signal: Signal, text: string): boolean {
  if (FIELDS.some((f) => group[f] !== undefined && signal[f] !== undefined)) return false;
  const gap = text
    .slice(group.end, Math.max(group.end, signal.start))
    .replace(/et\.?\s*al\./gu, '');
  return !/\n|[.!?](?:\s|$)/u.test(gap) && wordCount(gap) <= MAX_GAP_WORDS;
}

/**
 * Citations in running text. Pieces of evidence (an author-year citation, a quoted or
 * emphasized title, a DOI, an arXiv id) describe one work when they follow each other within
 * the same sentence, at most MAX_GAP_WORDS words apart, without repeating a field: so in
 * `"Attention Is All You Need" (Vaswani et al., 2017)` title, author and year are one citation.
 * An emphasized phrase alone is not a citation.
 */
export function findInTextCitations(text: string): Citation[] {
  const groups: Group[] = [];
  for (const signal of findSignals(text)) {
    const last = groups.at(-1);
    if (last && joins(last, signal, text)) {
      for (const f of [...FIELDS, 'year'] as const) {
        if (signal[f] !== undefined) Object.assign(last, { [f]: signal[f] });
      }
      last.end = Math.max(last.end, signal.end);
      last.weakOnly &&= signal.weakTitle === true;
    } else {
      groups.push({ ...signal, weakOnly: signal.weakTitle === true });
    }
  }
  return groups
    .filter((g) => !g.weakOnly)
    .map((g) => {
      const citation: Citation = { text: text.slice(g.start, g.end), source: 'in_text' };
      if (g.title !== undefined) citation.title = g.title;
      if (g.firstAuthor !== undefined) citation.firstAuthor = g.firstAuthor;
      if (g.year !== undefined) citation.year = g.year;
      if (g.doi !== undefined) citation.doi = g.doi;
      if (g.arxivId !== undefined) citation.arxivId = g.arxivId;
      return citation;
    });
}
