import { z } from 'zod';
import { normalizeArxivId } from './arxiv';
import { assertUniqueIds, BibliographyError } from './bibliography-error';
import type { BibliographyEntry } from './citation.types';
import { normalizeDoi } from './doi';
import { cleanTitle } from './title-similarity';

const cslName = z.object({
  family: z.string().optional(),
  literal: z.string().optional(),
});
const cslDate = z.object({
  'date-parts': z.array(z.array(z.union([z.number(), z.string()]))).optional(),
  raw: z.string().optional(),
  literal: z.string().optional(),
});
const cslItem = z.object({
  id: z.union([z.string(), z.number()]),
  title: z.string().optional(),
  author: z.array(cslName).optional(),
  editor: z.array(cslName).optional(),
  issued: cslDate.optional(),
  DOI: z.string().optional(),
  URL: z.string().optional(),
  number: z.union([z.string(), z.number()]).optional(),
  'container-title': z.string().optional(),
});
const cslBibliography = z.array(cslItem);
type CslItem = z.infer<typeof cslItem>;

const YEAR_IN = /(?:18|19|20)\d\d/u;

function toEntry(item: CslItem): BibliographyEntry {
  const creators = item.author ?? item.editor ?? [];
  const entry: BibliographyEntry = {
    id: String(item.id),
    authors: creators.flatMap((c) => c.family ?? c.literal ?? []),
  };
  if (item.title) entry.title = cleanTitle(item.title);
  const issued = item.issued;
  const year = YEAR_IN.exec(
    String(issued?.['date-parts']?.[0]?.[0] ?? issued?.raw ?? issued?.literal ?? ''),
  );
  if (year) entry.year = Number(year[0]);
  const doi = normalizeDoi(item.DOI ?? '') ?? normalizeDoi(item.URL ?? '');
  if (doi) entry.doi = doi;
  const arxivId = normalizeArxivId(
    [item.URL, item.DOI, item['container-title'], item.number].join(' '),
  );
  if (arxivId) entry.arxivId = arxivId;
  return entry;
}

/**
 * Reads a CSL-JSON bibliography (an array of items, as JSON text or already parsed). Throws
 * BibliographyError naming the offending item and field when it is not valid CSL-JSON.
 */
export function parseCslJsonBibliography(input: unknown): BibliographyEntry[] {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new BibliographyError(`CSL-JSON is not valid JSON: ${(error as Error).message}`);
    }
  }
  const parsed = cslBibliography.safeParse(value);
  if (!parsed.success) {
    throw new BibliographyError(
      'CSL-JSON bibliography is invalid',
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  const entries = parsed.data.map(toEntry);
  assertUniqueIds(entries, 'CSL-JSON');
  return entries;
}
