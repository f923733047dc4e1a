import type { BibliographyEntry, Citation } from './citation.types';
import { surnamesMatch } from './names';
import { DEFAULT_TITLE_THRESHOLD, titleSimilarity } from './title-similarity';

/** verified; wrong_metadata: the work is there but an author, year, DOI or title is wrong;
 * unsupported: not in the bibliography, which is "fabricated" when the bibliography is complete. */
export type CitationStatus = 'verified' | 'wrong_metadata' | 'unsupported' | 'fabricated';
export type MetadataProblem = 'doi' | 'arxiv' | 'title' | 'author' | 'year';
const PROBLEM_ORDER: readonly MetadataProblem[] = ['doi', 'arxiv', 'title', 'author', 'year'];

export interface CitationVerdict {
  citation: Citation;
  status: CitationStatus;
  /** The bibliography entry the citation was matched to. */
  entryId: string | null;
  matchedBy: 'doi' | 'arxiv' | 'title' | 'author_year' | null;
  /** Title similarity (0-100) with the matched entry, or with the closest entry if none matched. */
  titleScore: number | null;
  problems: MetadataProblem[];
  /** Cited co-authors the matched entry does not list (present only when there are some). */
  unknownAuthors?: string[];
}

export interface VerifyOptions {
  /** Least token-sort ratio for a title match (default 85). */
  titleThreshold?: number;
  /** Largest |cited year − entry year| still accepted (default 1). */
  yearTolerance?: number;
  /** The bibliography holds every work that could rightly be cited for the question. */
  bibliographyComplete?: boolean;
}

interface Settings {
  titleThreshold: number;
  yearTolerance: number;
  complete: boolean;
}

/**
 * Cited authors the entry does not list, by surname. Nothing is checked against an entry
 * without authors or whose list is cut short ("and others" in BibTeX).
 */
function unknownAuthors(c: Citation, e: BibliographyEntry): string[] {
  if (c.authors === undefined || e.authors.length === 0) return [];
  if (e.authors.some((a) => /^others$/iu.test(a.trim()))) return [];
  return c.authors.filter((cited) => !e.authors.some((listed) => surnamesMatch(cited, listed)));
}

function authorYearProblems(c: Citation, e: BibliographyEntry, s: Settings): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  if (
    c.firstAuthor !== undefined &&
    e.authors.length > 0 &&
    !surnamesMatch(c.firstAuthor, e.authors[0])
  ) {
    problems.push('author');
  }
  if (c.year !== undefined && e.year !== undefined && Math.abs(c.year - e.year) > s.yearTolerance) {
    problems.push('year');
  }
  return problems;
}

function identifierProblems(c: Citation, e: BibliographyEntry): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  // An entry without a DOI cannot show the cited DOI wrong.
  if (c.doi !== undefined && e.doi !== undefined && c.doi !== e.doi) problems.push('doi');
  if (c.arxivId !== undefined && e.arxivId !== undefined && c.arxivId !== e.arxivId) {
    problems.push('arxiv');
  }
  return problems;
}

function bestTitle(title: string, bibliography: readonly BibliographyEntry[]) {
  let best: { entry: BibliographyEntry; score: number } | null = null;
  for (const entry of bibliography) {
    if (entry.title === undefined) continue;
    const score = titleSimilarity(title, entry.title);
    if (best === null || score > best.score) best = { entry, score };
  }
  return best;
}

function verdict(
  citation: Citation,
  entry: BibliographyEntry,
  matchedBy: CitationVerdict['matchedBy'],
  titleScore: number | null,
  problems: MetadataProblem[],
): CitationVerdict {
  // Every cited author is checked, not only the first: an invented co-author is wrong metadata.
  const unknown = unknownAuthors(citation, entry);
  const all =
    unknown.length > 0 && !problems.includes('author')
      ? [...problems, 'author' as const]
      : problems;
  const ordered = PROBLEM_ORDER.filter((p) => all.includes(p));
  const status = ordered.length > 0 ? 'wrong_metadata' : 'verified';
  return {
    citation,
    status,
    entryId: entry.id,
    matchedBy,
    titleScore,
    problems: ordered,
    ...(unknown.length > 0 ? { unknownAuthors: unknown } : {}),
  };
}

/**
 * Checks one citation against the bibliography:
 * 1. DOI, then arXiv id, exactly. If the cited title does not match that entry (below the
 *    threshold) the identifier is on the wrong work: wrong_metadata, with problem "doi" when the
 *    title matches another entry (reported as the match), else problem "title".
 * 2. Otherwise the best title by token-sort ratio, if at least the threshold.
 * 3. Otherwise, for a citation without a title, first-author surname and year within tolerance.
 * A matched entry whose first author, any other cited author (each must be among the entry's
 * authors, in any order), year (beyond tolerance) or identifiers differ from the citation's
 * makes it wrong_metadata; no match makes it unsupported, or fabricated when the
 * bibliography is complete.
 */
export function verifyCitation(
  citation: Citation,
  bibliography: readonly BibliographyEntry[],
  options: VerifyOptions = {},
): CitationVerdict {
  const s: Settings = {
    titleThreshold: options.titleThreshold ?? DEFAULT_TITLE_THRESHOLD,
    yearTolerance: options.yearTolerance ?? 1,
    complete: options.bibliographyComplete ?? false,
  };
  const c = citation;
  const byTitle = c.title === undefined ? null : bestTitle(c.title, bibliography);
  const titleMatch = byTitle !== null && byTitle.score >= s.titleThreshold ? byTitle : null;

  const byDoi = c.doi === undefined ? undefined : bibliography.find((e) => e.doi === c.doi);
  const byArxiv =
    c.arxivId === undefined ? undefined : bibliography.find((e) => e.arxivId === c.arxivId);
  const byId = byDoi ?? byArxiv;
  if (byId !== undefined) {
    const matchedBy = byDoi !== undefined ? 'doi' : 'arxiv';
    if (c.title === undefined || byId.title === undefined) {
      return verdict(c, byId, matchedBy, null, authorYearProblems(c, byId, s));
    }
    const score = titleSimilarity(c.title, byId.title);
    if (score >= s.titleThreshold) {
      return verdict(c, byId, matchedBy, score, authorYearProblems(c, byId, s));
    }
    if (titleMatch !== null) {
      const { entry, score: other } = titleMatch;
      const problems = [matchedBy, ...authorYearProblems(c, entry, s)] as MetadataProblem[];
      return verdict(c, entry, 'title', other, problems);
    }
    return verdict(c, byId, matchedBy, score, ['title', ...authorYearProblems(c, byId, s)]);
  }

  if (titleMatch !== null) {
    const { entry, score } = titleMatch;
    const problems = [...identifierProblems(c, entry), ...authorYearProblems(c, entry, s)];
    return verdict(c, entry, 'title', score, problems);
  }

  if (c.title === undefined && c.firstAuthor !== undefined && c.year !== undefined) {
    const { firstAuthor, year } = c;
    const entry = bibliography.find(
      (e) =>
        e.authors.length > 0 &&
        surnamesMatch(firstAuthor, e.authors[0]) &&
        e.year !== undefined &&
        Math.abs(e.year - year) <= s.yearTolerance,
    );
    if (entry !== undefined)
      return verdict(c, entry, 'author_year', null, identifierProblems(c, entry));
  }

  return {
    citation: c,
    status: s.complete ? 'fabricated' : 'unsupported',
    entryId: null,
    matchedBy: null,
    titleScore: byTitle?.score ?? null,
    problems: [],
  };
}
