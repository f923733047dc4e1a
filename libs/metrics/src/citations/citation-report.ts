import type { BibliographyEntry } from './citation.types';
import { extractCitations } from './extract-citations';
import {
  verifyCitation,
  type CitationStatus,
  type CitationVerdict,
  type VerifyOptions,
} from './verify-citation';

export type CitationCounts = Record<CitationStatus, number> & { total: number };

export interface ResponseCitationReport {
  /** Whether "not in the bibliography" was counted as fabricated. */
  bibliographyComplete: boolean;
  verdicts: CitationVerdict[];
  counts: CitationCounts;
}

/** Counts of each status among verdicts. */
export function countVerdicts(verdicts: readonly CitationVerdict[]): CitationCounts {
  const counts: CitationCounts = {
    total: verdicts.length,
    verified: 0,
    wrong_metadata: 0,
    unsupported: 0,
    fabricated: 0,
  };
  for (const v of verdicts) counts[v.status] += 1;
  return counts;
}

/** Extracts the citations of one answer and verifies each against the bibliography. */
export function checkResponseCitations(
  response: string,
  bibliography: readonly BibliographyEntry[],
  options: VerifyOptions = {},
): ResponseCitationReport {
  const verdicts = extractCitations(response).map((c) => verifyCitation(c, bibliography, options));
  return {
    bibliographyComplete: options.bibliographyComplete ?? false,
    verdicts,
    counts: countVerdicts(verdicts),
  };
}
