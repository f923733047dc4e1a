import { cleanCitedTitle, ET_AL, NAME, PARTICLES, wordCount, YEAR } from './citation-patterns';

/** Where a title was found in an entry, so that author and year are read from the rest. */
export interface TitleSpan {
  title: string;
  start: number;
  end: number;
  /** Only emphasis marked it: not a citation without other evidence. */
  weak?: boolean;
}

function span(text: string, raw: string, start: number): TitleSpan | null {
  const title = cleanCitedTitle(raw);
  return /\p{L}/u.test(title) ? { title, start, end: start + raw.length } : null;
}

function labeled(text: string): TitleSpan | null {
  const m = /^[\s*•-]*[*_]*title[*_]*\s*[:：][*_\s]*(.+)$/imu.exec(text);
  return m ? span(text, m[1], m.index + m[0].length - m[1].length) : null;
}

function quoted(text: string): TitleSpan | null {
  for (const m of text.matchAll(/"([^"\n]+)"|“([^”\n]+)”|«([^»\n]+)»/gu)) {
    const inner = m[1] ?? m[2] ?? m[3];
    if (wordCount(inner) >= 2) return span(text, inner, m.index + 1);
  }
  return null;
}

function afterYear(text: string): TitleSpan | null {
  // APA "(2017). Title." and ACL "Names. 2017. Title." put the title right after the year.
  const marker = new RegExp(
    String.raw`(?:\(\s*${YEAR}[a-z]?(?:,[^)]*)?\)|(?<=^|[.,]\s{1,3})${YEAR}[a-z]?)\.\s+`,
    'u',
  ).exec(text);
  if (!marker) return null;
  const start = marker.index + marker[0].length;
  const rest = text.slice(start);
  // The title ends at a full stop, or after a "?" or "!" that a venue follows ("… too big?
  // *Proceedings of FAccT*", "… In Proceedings"); a "?" inside a title ("Is BERT Really
  // Robust? A Strong Baseline …") does not end it.
  const end = /\.(?=\s|$)|(?<=[?!])(?=\s+(?:[*_]|In\s))|\n|$/u.exec(rest);
  return span(text, rest.slice(0, end?.index ?? rest.length), start);
}

function emphasized(text: string): TitleSpan | null {
  const re =
    /\*\*([^*\n]+?)\*\*|(?<![\p{L}\p{N}*])\*([^*\n]+?)\*(?![\p{L}\p{N}*])|(?<![\p{L}\p{N}_])_([^_\n]+?)_(?![\p{L}\p{N}_])/gu;
  for (const m of text.matchAll(re)) {
    const inner = m[1] ?? m[2] ?? m[3];
    // "**Self-attention:** …" is a topic heading, not a title.
    const heading = /:\s*$/u.test(inner) || text[m.index + m[0].length] === ':';
    const found = heading || wordCount(inner) < 2 ? null : span(text, m[0], m.index);
    if (found) return { ...found, weak: true };
  }
  return null;
}

const AUTHORISH = new RegExp(String.raw`${ET_AL}|^${NAME},\s+\p{Lu}`, 'u');

function headOrTail(text: string): TitleSpan | null {
  // "Title by Author" and "Title – Author"; "Author – Title" too.
  const m = /^(.+?)\s+(by|[–—-])\s+(?=\p{Lu})/u.exec(text);
  if (!m) return null;
  const head = m[1];
  if (!AUTHORISH.test(head)) return wordCount(head) >= 2 ? span(text, head, 0) : null;
  if (m[2] === 'by') return null;
  const start = m[0].length;
  const tail = /^[^(,.]+/u.exec(text.slice(start));
  return tail && wordCount(tail[0]) >= 2 ? span(text, tail[0], start) : null;
}

// "Title (Author et al., 2017)", closing the entry or followed by a venue, not by a lowercase
// word: in "The Transformer (Vaswani et al., 2017) replaced recurrence" there is no title.
const BEFORE_PARENTHETICAL = new RegExp(
  String.raw`^(.+?)\s*\(${PARTICLES}\p{Lu}[^()]*${YEAR}[a-z]?\s*\)(?=[.,;:]?\s*(?:$|[\p{Lu}\p{N}[*_]))`,
  'u',
);

function beforeParenthetical(text: string): TitleSpan | null {
  const m = BEFORE_PARENTHETICAL.exec(text);
  return m && wordCount(m[1]) >= 2 && !AUTHORISH.test(m[1]) ? span(text, m[1], 0) : null;
}

const VANCOUVER_AUTHORS = new RegExp(
  String.raw`^(?:${NAME}\s+\p{Lu}{1,3}(?:,\s*|$))+(?:,?\s*et\.?\s*al\.?)?$`,
  'u',
);

function secondSentence(text: string): TitleSpan | null {
  // Vancouver "Smith J, Jones K. Title. Journal. 2020;…": authors, then the title.
  const first = /^(.+?)\.\s+/u.exec(text);
  if (!first || !VANCOUVER_AUTHORS.test(first[1].trim())) return null;
  const start = first[0].length;
  const end = /\.(?=\s|$)|$/u.exec(text.slice(start));
  return span(text, text.slice(start, start + (end?.index ?? 0)), start);
}

/**
 * The title of a reference entry, from the first cue that applies: a "Title:" field, a quoted
 * title, the sentence after an APA/ACL year, an emphasized title of two or more words (not a
 * heading ending in ":"), "Title by/– Author", "Title (Author, Year)" closing the entry, a
 * Vancouver entry's second sentence.
 */
export function findEntryTitle(text: string): TitleSpan | null {
  return (
    labeled(text) ??
    quoted(text) ??
    afterYear(text) ??
    emphasized(text) ??
    headOrTail(text) ??
    beforeParenthetical(text) ??
    secondSentence(text)
  );
}
