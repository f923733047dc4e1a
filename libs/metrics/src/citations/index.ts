export type { BibliographyEntry, Citation } from './citation.types';
export { normalizeDoi, findDois, type FoundDoi } from './doi';
export { normalizeArxivId, findArxivIds, type FoundArxivId } from './arxiv';
export { DEFAULT_TITLE_THRESHOLD, titleSimilarity } from './title-similarity';
export { extractCitations } from './extract-citations';
export { parseReferenceEntry } from './parse-reference-entry';
export { findInTextCitations, MAX_GAP_WORDS } from './in-text-citations';
export { BibliographyError } from './bibliography-error';
export { parseBibtexBibliography } from './parse-bibtex';
export { parseCslJsonBibliography } from './parse-csl-json';
export {
  verifyCitation,
  type CitationStatus,
  type CitationVerdict,
  type MetadataProblem,
  type VerifyOptions,
} from './verify-citation';
export {
  checkResponseCitations,
  countVerdicts,
  type CitationCounts,
  type ResponseCitationReport,
} from './citation-report';
export { citationMetrics, type CitationMetrics, type CitationEstimate } from './citation-metrics';
