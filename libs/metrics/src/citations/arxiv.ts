/** A normalized arXiv identifier found in text, with where it was. */
export interface FoundArxivId {
  arxivId: string;
  start: number;
  end: number;
}

// Only ids marked as arXiv count ("arXiv:", "arxiv.org/abs/", DataCite's 10.48550/arXiv.): a bare
// 1706.03762 could be any number. New style YYMM.NNNNN, old style archive(.SC)/YYMMNNN.
const ARXIV_ID =
  /(?:arxiv\.org\/(?:abs|pdf)\/|arxiv:\s?|10\.48550\/arxiv\.)(\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?/giu;

/** Every arXiv id in `text`, lowercased and without version, in order. */
export function findArxivIds(text: string): FoundArxivId[] {
  return [...text.matchAll(ARXIV_ID)].map((m) => ({
    arxivId: m[1].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** The arXiv id in `text` (an eprint field, URL or DataCite DOI), or null. */
export function normalizeArxivId(text: string): string | null {
  const bare = /^\s*(\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?\s*$/iu.exec(text);
  if (bare) return bare[1].toLowerCase();
  return findArxivIds(text)[0]?.arxivId ?? null;
}
