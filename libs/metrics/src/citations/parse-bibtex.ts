import * as path from 'node:path';
import type * as BibtexParser from '@retorquere/bibtex-parser';
import { normalizeArxivId } from './arxiv';
import { assertUniqueIds, BibliographyError } from './bibliography-error';
import type { BibliographyEntry } from './citation.types';
import { normalizeDoi } from './doi';
import { cleanTitle } from './title-similarity';

let parser: typeof BibtexParser | undefined;

function loadParser(): typeof BibtexParser {
  if (parser === undefined) {
    // The package's CommonJS build cannot load (module.exports in a .js file of a "type":
    // "module" package), so require its ES module build by path; require(esm) works on Node
    // >= 20.19. Loaded on first use: it pulls in a LaTeX parser.
    const esmEntry = path.join(
      path.dirname(require.resolve('@retorquere/bibtex-parser')),
      '../esm/index.js',
    );
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    parser = require(esmEntry) as typeof BibtexParser;
  }
  return parser;
}

const YEAR_IN = /(?:18|19|20)\d\d/u;

function toEntry(entry: BibtexParser.Entry): BibliographyEntry {
  const f = entry.fields;
  const creators = f.author ?? f.editor ?? [];
  const result: BibliographyEntry = {
    id: entry.key,
    // LaTeX accents come out decomposed (o + U+0308); compose them as typed text is.
    authors: creators.flatMap((c) => (c.lastName ?? c.name)?.normalize('NFC') ?? []),
  };
  if (f.title) result.title = cleanTitle(f.title).normalize('NFC');
  const year = YEAR_IN.exec(f.year ?? f.date ?? '');
  if (year) result.year = Number(year[0]);
  const doi = normalizeDoi(f.doi ?? '') ?? normalizeDoi(f.url ?? '');
  if (doi) result.doi = doi;
  const arxivId =
    normalizeArxivId(f.eprint ?? '') ??
    normalizeArxivId([f.url, f.journal, f.journaltitle, f.note, f.doi].join(' '));
  if (arxivId) result.arxivId = arxivId;
  return result;
}

/**
 * Reads a BibTeX/BibLaTeX bibliography with @retorquere/bibtex-parser (LaTeX turned into
 * Unicode, case kept as written). Throws BibliographyError on any syntax error, since a silently
 * dropped entry would turn its citations into "fabricated" ones.
 */
export function parseBibtexBibliography(bibtex: string): BibliographyEntry[] {
  const library = loadParser().parse(bibtex, {
    sentenceCase: false,
    english: false,
    unsupported: 'ignore',
  });
  if (library.errors.length > 0) {
    throw new BibliographyError(
      'BibTeX bibliography has errors',
      library.errors.map((e) => e.error),
    );
  }
  const entries = library.entries.map(toEntry);
  assertUniqueIds(entries, 'BibTeX');
  return entries;
}
