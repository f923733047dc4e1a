import type { Citation } from './citation.types';
import { PARTICLES_AND_LINKS, YEAR } from './citation-patterns';
import { dedupeCitations } from './dedupe-citations';
import { opensWithAuthors } from './entry-author-year';
import { findInTextCitations } from './in-text-citations';
import { findSignals } from './in-text-signals';
import { parseReferenceEntry } from './parse-reference-entry';
import { splitBlocks } from './split-blocks';

function isProseItem(text: string): boolean {
  // A list item with two author-year citations is prose that cites, not one reference.
  return findSignals(text).filter((s) => s.firstAuthor !== undefined).length >= 2;
}

const HAS_YEAR = new RegExp(String.raw`(?<!\p{N})${YEAR}(?!\p{N})`, 'u');
const NAME_LIST_WORDS = new Set(PARTICLES_AND_LINKS);

/** APA and ACL: nothing but names, initials and "and"/"et al." before the year. */
function namesThenYear(line: string): boolean {
  const year = HAS_YEAR.exec(line);
  if (!year) return false;
  const words = line
    .slice(0, year.index)
    .split(/[\s,;.()&*_]+/u)
    .filter((w) => w !== '');
  return words.every((w) => /^\p{Lu}/u.test(w) || NAME_LIST_WORDS.has(w));
}

/**
 * A line of an unbulleted reference list: it opens with an author list in a citation style and
 * then gives the year (APA, ACL), a quoted title (IEEE, MLA), a DOI or an arXiv id. A sentence
 * such as "Jacob Devlin and colleagues showed in 2019 …" is not one.
 */
function isEntryLine(line: string): boolean {
  if (!opensWithAuthors(line)) return false;
  const signals = findSignals(line);
  return (
    namesThenYear(line) ||
    signals.some((s) => s.doi !== undefined || s.arxivId !== undefined) ||
    /"[^"\n]+\s[^"\n]+"|“[^”\n]+\s[^”\n]+”/u.test(line)
  );
}

function fromProse(text: string): Citation[] {
  const found: Citation[] = [];
  const prose: string[] = [];
  for (const line of text.split('\n')) {
    const entry = isEntryLine(line) ? parseReferenceEntry(line) : null;
    if (entry) found.push(entry);
    else prose.push(line);
  }
  return [...found, ...findInTextCitations(prose.join('\n'))];
}

/**
 * Citations in a model's free-text answer. Each list item ("[1] …", "1. …", "- …") is read as
 * one reference (see parseReferenceEntry), and so is a prose line that opens with an author list
 * in a citation style and gives a year (an unbulleted reference list); other prose is searched
 * for in-text citations (see findInTextCitations). Repeated mentions of one work are counted once (see dedupeCitations).
 */
export function extractCitations(text: string): Citation[] {
  const found: Citation[] = [];
  for (const block of splitBlocks(text)) {
    if (block.kind === 'list_item' && !isProseItem(block.text)) {
      const entry = parseReferenceEntry(block.text);
      if (entry) found.push(entry);
    } else {
      found.push(...fromProse(block.text));
    }
  }
  return dedupeCitations(found);
}
