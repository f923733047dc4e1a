import { findArxivIds } from './arxiv';
import {
  cleanCitedTitle,
  cleanSurname,
  ET_AL,
  NAME,
  NOT_AUTHORS,
  wordCount,
  YEAR,
} from './citation-patterns';
import { findDois } from './doi';

/** One piece of citation evidence in running text, with where it was. */
export interface Signal {
  start: number;
  end: number;
  title?: string;
  /** An emphasized phrase: a title only when it sits next to other evidence. */
  weakTitle?: boolean;
  firstAuthor?: string;
  year?: number;
  doi?: string;
  arxivId?: string;
}

const CO_AUTHOR = String.raw`(?:${ET_AL}|\s*,?\s+(?:and|&)\s+${NAME})?`;
// "Vaswani et al. (2017)", "Smith and Jones's (2019)"
const NARRATIVE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${NAME})${CO_AUTHOR}(?:['’]s)?\s*\(\s*(${YEAR})[a-z]?\s*\)`,
  'gu',
);
// one part of "(Devlin et al., 2019; see Smith & Jones 2020)"
const PARENTHETICAL_PART = new RegExp(
  String.raw`^\s*(?:(?:see|e\.g\.|cf\.|i\.e\.)\s*,?\s*)?(${NAME})${CO_AUTHOR},?\s+(${YEAR})[a-z]?\s*$`,
  'u',
);
const PARENTHESES = new RegExp(String.raw`\(([^()\n]*${YEAR}[^()\n]*)\)`, 'gu');

function authorYears(text: string): Signal[] {
  const signals: Signal[] = [];
  for (const m of text.matchAll(NARRATIVE)) {
    if (NOT_AUTHORS.has(m[1].toLowerCase())) continue;
    const firstAuthor = cleanSurname(m[1]);
    signals.push({ start: m.index, end: m.index + m[0].length, firstAuthor, year: Number(m[2]) });
  }
  for (const m of text.matchAll(PARENTHESES)) {
    let offset = m.index + 1;
    for (const part of m[1].split(';')) {
      const p = PARENTHETICAL_PART.exec(part);
      if (p && !NOT_AUTHORS.has(p[1].toLowerCase())) {
        const lead = /^\s*/u.exec(part)?.[0].length ?? 0;
        const end = offset + part.trimEnd().length;
        signals.push({ start: offset + lead, end, firstAuthor: p[1], year: Number(p[2]) });
      }
      offset += part.length + 1;
    }
  }
  return signals;
}

function titles(text: string): Signal[] {
  const signals: Signal[] = [];
  for (const m of text.matchAll(/"([^"\n]+)"|“([^”\n]+)”|«([^»\n]+)»/gu)) {
    const title = cleanCitedTitle(m[1] ?? m[2] ?? m[3]);
    if (wordCount(title) >= 2) signals.push({ start: m.index, end: m.index + m[0].length, title });
  }
  const emphasis = /\*\*([^*\n]+?)\*\*|(?<![\p{L}\p{N}*])\*([^*\n]+?)\*(?![\p{L}\p{N}*])/gu;
  for (const m of text.matchAll(emphasis)) {
    const title = cleanCitedTitle(m[1] ?? m[2]);
    if (wordCount(title) >= 2) {
      signals.push({ start: m.index, end: m.index + m[0].length, title, weakTitle: true });
    }
  }
  return signals;
}

/** Author-year citations, quoted and emphasized titles, DOIs and arXiv ids, in text order. */
export function findSignals(text: string): Signal[] {
  return [
    ...authorYears(text),
    ...titles(text),
    ...findDois(text).map(({ doi, start, end }) => ({ doi, start, end })),
    ...findArxivIds(text).map(({ arxivId, start, end }) => ({ arxivId, start, end })),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
}
