import {
  type BibliographyEntry,
  parseBibtexBibliography,
  parseCslJsonBibliography,
} from '@lastmile/metrics';
import { aclAnthologyCslText } from '../../data/citations/acl-anthology/acl-anthology-bibliography';
import { REFERENCE_BIBTEX } from '../../data/citations/reference-bibliography';

export interface BibliographySource {
  format: 'bibtex' | 'csl_json';
  text: string;
}

/**
 * Which built-in bibliography stands behind the built-in prompts: the classic works alone, or
 * with the 655 ACL Anthology 2016 papers the Anthology prompts ask for.
 */
export type BuiltinBibliography = 'classic' | 'classic_and_acl';

// Parsing BibTeX pulls in a LaTeX parser: keep the last few bibliographies, keyed by their text.
const parsed = new Map<string, BibliographyEntry[]>();
const CACHE_SIZE = 4;

function cached(key: string, parse: () => BibliographyEntry[]): BibliographyEntry[] {
  let entries = parsed.get(key);
  if (entries === undefined) {
    entries = parse();
    if (parsed.size >= CACHE_SIZE) parsed.delete(parsed.keys().next().value!);
    parsed.set(key, entries);
  }
  return entries;
}

/**
 * The bibliography's entries — the given one, else the built-in one (`builtin`, default the
 * classic works); throws BibliographyError.
 */
export function loadBibliography(
  source: BibliographySource | undefined,
  builtin: BuiltinBibliography = 'classic',
): BibliographyEntry[] {
  if (source === undefined && builtin === 'classic_and_acl') {
    return cached('builtin:classic_and_acl', () => {
      const entries = [
        ...loadBibliography(undefined, 'classic'),
        ...parseCslJsonBibliography(aclAnthologyCslText()),
      ];
      const ids = new Set(entries.map((e) => e.id));
      if (ids.size !== entries.length) throw new Error('built-in bibliographies share an id');
      return entries;
    });
  }
  const { format, text } = source ?? { format: 'bibtex', text: REFERENCE_BIBTEX };
  return cached(`${format}\n${text}`, () =>
    format === 'bibtex' ? parseBibtexBibliography(text) : parseCslJsonBibliography(text),
  );
}
