import { bootstrapMeanInterval, bootstrapRatioInterval, type BootstrapOptions } from '../stats';
import type { CitationCounts, ResponseCitationReport } from './citation-report';

export interface CitationEstimate {
  value: number;
  low: number;
  high: number;
  /** Answers for citations_per_answer; citations for the rates. */
  n: number;
}

interface CommonCitationMetrics {
  citations_per_answer: CitationEstimate;
  /** Null when no answer cited anything. */
  citation_verified_rate: CitationEstimate | null;
  citation_wrong_metadata_rate: CitationEstimate | null;
}

/** With a complete bibliography, citations not in it are fabricated; otherwise only unsupported. */
export type CitationMetrics =
  | {
      bibliographyComplete: true;
      answers: number;
      metrics: CommonCitationMetrics & { citation_fabricated_rate: CitationEstimate | null };
    }
  | {
      bibliographyComplete: false;
      answers: number;
      metrics: CommonCitationMetrics & { citation_unsupported_rate: CitationEstimate | null };
    };

type CountedStatus = 'verified' | 'wrong_metadata' | 'unsupported' | 'fabricated';

function rate(
  counts: readonly CitationCounts[],
  status: CountedStatus,
  options: BootstrapOptions,
): CitationEstimate | null {
  const citations = counts.reduce((sum, c) => sum + c.total, 0);
  if (citations === 0) return null;
  // Citations in one answer are correlated: resample answers and take the ratio of sums.
  const items = counts.map((c) => ({ num: c[status], den: c.total }));
  const value = items.reduce((sum, i) => sum + i.num, 0) / citations;
  return { value, ...bootstrapRatioInterval(items, options), n: citations };
}

/**
 * Corpus citation metrics over answers: citations per answer (bootstrap mean over answers) and
 * the shares of all citations that are verified, wrong_metadata and fabricated (complete
 * bibliography) or unsupported (otherwise), each with a bootstrap over answers. All reports must
 * share one completeness setting. Null when there are no answers.
 */
export function citationMetrics(
  reports: readonly ResponseCitationReport[],
  options: BootstrapOptions,
): CitationMetrics | null {
  if (reports.length === 0) return null;
  const complete = reports[0].bibliographyComplete;
  if (reports.some((r) => r.bibliographyComplete !== complete)) {
    throw new RangeError('reports mix complete and incomplete bibliographies');
  }
  const counts = reports.map((r) => r.counts);
  const perAnswer = counts.map((c) => c.total);
  const common: CommonCitationMetrics = {
    citations_per_answer: {
      value: perAnswer.reduce((sum, v) => sum + v, 0) / perAnswer.length,
      ...bootstrapMeanInterval(perAnswer, options),
      n: perAnswer.length,
    },
    citation_verified_rate: rate(counts, 'verified', options),
    citation_wrong_metadata_rate: rate(counts, 'wrong_metadata', options),
  };
  const answers = reports.length;
  return complete
    ? {
        bibliographyComplete: true,
        answers,
        metrics: { ...common, citation_fabricated_rate: rate(counts, 'fabricated', options) },
      }
    : {
        bibliographyComplete: false,
        answers,
        metrics: { ...common, citation_unsupported_rate: rate(counts, 'unsupported', options) },
      };
}
