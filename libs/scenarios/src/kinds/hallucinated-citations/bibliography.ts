import {
  type BibliographyEntry,
  parseBibtexBibliography,
  parseCslJsonBibliography,
} from '@lastmile/metrics';
import { REFERENCE_BIBTEX } from '../../data/citations/reference-bibliography';

export interface BibliographySource {
  format: 'bibtex' | 'csl_json';
  text: string;
}

// Parsing BibTeX pulls in a LaTeX parser: keep the last few bibliographies, keyed by their text.
const parsed = new Map<string, BibliographyEntry[]>();
const CACHE_SIZE = 4;

/** The bibliography's entries (the built-in one when none is given); throws BibliographyError. */
export function loadBibliography(source: BibliographySource | undefined): BibliographyEntry[] {
  const { format, text } = source ?? { format: 'bibtex', text: REFERENCE_BIBTEX };
  const key = `${format}\n${text}`;
  let entries = parsed.get(key);
  if (entries === undefined) {
    entries = format === 'bibtex' ? parseBibtexBibliography(text) : parseCslJsonBibliography(text);
    if (parsed.size >= CACHE_SIZE) parsed.delete(parsed.keys().next().value!);
    parsed.set(key, entries);
  }
  return entries;
}
