import type { TranscriptPair } from './error-rate';
import type { Transcript } from './transcript';

/** Reference and hypothesis do not cover the same utterance ids; lists every offending id. */
export class TranscriptMismatchError extends Error {
  constructor(
    readonly missingInHypothesis: string[],
    readonly extraInHypothesis: string[],
    readonly duplicateInReference: string[],
    readonly duplicateInHypothesis: string[],
  ) {
    super(
      [
        describe('missing from the hypothesis', missingInHypothesis),
        describe('in the hypothesis but not the reference', extraInHypothesis),
        describe('duplicated in the reference', duplicateInReference),
        describe('duplicated in the hypothesis', duplicateInHypothesis),
      ]
        .filter((part) => part !== '')
        .join('; '),
    );
    this.name = 'TranscriptMismatchError';
  }
}

/** Pairs transcripts by utterance id, in reference order; any missing, extra or repeated id is an error. */
export function pairTranscripts(
  references: readonly Transcript[],
  hypotheses: readonly Transcript[],
): TranscriptPair[] {
  const referenceById = indexById(references);
  const hypothesisById = indexById(hypotheses);
  const missing = [...referenceById.byId.keys()].filter((id) => !hypothesisById.byId.has(id));
  const extra = [...hypothesisById.byId.keys()].filter((id) => !referenceById.byId.has(id));
  if (
    missing.length +
      extra.length +
      referenceById.duplicates.length +
      hypothesisById.duplicates.length >
    0
  ) {
    throw new TranscriptMismatchError(
      missing,
      extra,
      referenceById.duplicates,
      hypothesisById.duplicates,
    );
  }
  return [...referenceById.byId].map(([id, reference]) => ({
    id,
    reference,
    hypothesis: hypothesisById.byId.get(id)!,
  }));
}

function indexById(transcripts: readonly Transcript[]): {
  byId: Map<string, string>;
  duplicates: string[];
} {
  const byId = new Map<string, string>();
  const duplicates = new Set<string>();
  for (const { id, text } of transcripts) {
    if (byId.has(id)) duplicates.add(id);
    else byId.set(id, text);
  }
  return { byId, duplicates: [...duplicates] };
}

const LISTED_IDS = 20;

function describe(what: string, ids: string[]): string {
  if (ids.length === 0) return '';
  const shown = ids.slice(0, LISTED_IDS).join(', ');
  const more = ids.length > LISTED_IDS ? ` and ${ids.length - LISTED_IDS} more` : '';
  return `${ids.length} utterance id(s) ${what}: ${shown}${more}`;
}
