/**
 * Text normalization applied identically to reference and hypothesis before scoring.
 *
 * Every option is explicit and the combination has a versioned id (`normalizerId`) that is
 * stored with results and baselines: two WERs are only comparable when their ids are equal.
 * Bump NORMALIZER_VERSION whenever the meaning of an existing option changes.
 */
export const NORMALIZER_VERSION = 'lastmile-norm-v1';

export interface TranscriptNormalization {
  /** Unicode normalization form applied first (default 'NFC', so composed and decomposed é match). */
  unicodeForm?: 'NFC' | 'NFKC' | 'none';
  /** Lowercase with String#toLowerCase (locale-independent; default true, as sclite folds case unless -s). */
  lowercase?: boolean;
  /**
   * Delete every Unicode punctuation character (general category P), as jiwer's RemovePunctuation
   * does: "don't" -> "dont", "well-known" -> "wellknown", a lone "-" disappears (default true).
   */
  stripPunctuation?: boolean;
  /** 'collapse': trim and turn each run of whitespace into one space (default); 'keep': leave as is. */
  whitespace?: 'collapse' | 'keep';
}

export type ResolvedTranscriptNormalization = Required<TranscriptNormalization>;

export const DEFAULT_TRANSCRIPT_NORMALIZATION: ResolvedTranscriptNormalization = Object.freeze({
  unicodeForm: 'NFC',
  lowercase: true,
  stripPunctuation: true,
  whitespace: 'collapse',
});

const PUNCTUATION = /\p{P}+/gu;
const WHITESPACE_RUN = /\s+/gu;
// Most texts are already tidy: testing is much cheaper than rewriting every space.
const UNTIDY_WHITESPACE = /[^\S ]| {2}|^ | $/u;

export function resolveTranscriptNormalization(
  options: TranscriptNormalization = {},
): ResolvedTranscriptNormalization {
  return { ...DEFAULT_TRANSCRIPT_NORMALIZATION, ...definedOnly(options) };
}

export function normalizeTranscript(text: string, options: TranscriptNormalization = {}): string {
  return createTranscriptNormalizer(options)(text);
}

/** Resolves the options once: use this in loops over many utterances. */
export function createTranscriptNormalizer(
  options: TranscriptNormalization = {},
): (text: string) => string {
  const { unicodeForm, lowercase, stripPunctuation, whitespace } =
    resolveTranscriptNormalization(options);
  return (text) => {
    let out = unicodeForm === 'none' ? text : text.normalize(unicodeForm);
    if (lowercase) out = out.toLowerCase();
    if (stripPunctuation) out = out.replace(PUNCTUATION, '');
    if (whitespace === 'collapse' && UNTIDY_WHITESPACE.test(out))
      out = out.replace(WHITESPACE_RUN, ' ').trim();
    return out;
  };
}

/** Versioned id such as "lastmile-norm-v1:nfc,lower,strip-punct,collapse-ws". */
export function normalizerId(options: TranscriptNormalization = {}): string {
  const resolved = resolveTranscriptNormalization(options);
  const parts: string[] = [];
  if (resolved.unicodeForm !== 'none') parts.push(resolved.unicodeForm.toLowerCase());
  if (resolved.lowercase) parts.push('lower');
  if (resolved.stripPunctuation) parts.push('strip-punct');
  if (resolved.whitespace === 'collapse') parts.push('collapse-ws');
  return `${NORMALIZER_VERSION}:${parts.length > 0 ? parts.join(',') : 'none'}`;
}

/** Words of an already normalized text: maximal runs of non-whitespace. */
export function splitWords(normalized: string): string[] {
  return normalized.split(WHITESPACE_RUN).filter((word) => word.length > 0);
}

// `{ lowercase: undefined }` must not override a default.
function definedOnly(options: TranscriptNormalization): TranscriptNormalization {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
