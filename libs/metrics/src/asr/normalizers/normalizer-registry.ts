import {
  type TranscriptNormalization,
  createTranscriptNormalizer,
  normalizerId,
  resolveTranscriptNormalization,
} from '../transcript-normalizer';
import { whisperBasicNormalize } from './whisper-basic';
import type * as WhisperEnglish from './whisper-english';

// The English normalizer's rules (numbers, spellings) load when first used, not at start-up.
let english: typeof WhisperEnglish | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const whisperEnglish = () => (english ??= require('./whisper-english') as typeof WhisperEnglish);

/**
 * A text normalizer with the identity results and baselines must carry: two WERs are comparable
 * only when their normalizer ids are equal, so a changed rule is a new version (a new baseline),
 * never a silent drift.
 */
export interface TextNormalizer {
  readonly name: string;
  readonly version: string;
  /** Stored with every result and in baseline version keys. */
  readonly id: string;
  /** Where the rules come from, for provenance. */
  readonly source: string;
  normalize(text: string): string;
}

export const NORMALIZER_NAMES = ['none', 'basic', 'english-v1'] as const;
export type NormalizerName = (typeof NORMALIZER_NAMES)[number];

const WHISPER = 'openai/whisper@c0d2f624c09dc18e709e37c2ad90c039a4eb72a2 (v20250625)';

function named(
  name: NormalizerName,
  version: string,
  source: string,
  normalize: (text: string) => string,
): TextNormalizer {
  return Object.freeze({ name, version, id: `${name}@${version}`, source, normalize });
}

// Whisper does not trim (a sentence ending in "." ends in a space); words are the same trimmed.
const REGISTRY: Readonly<Record<NormalizerName, TextNormalizer>> = Object.freeze({
  none: named('none', '1', 'identity: the text as received', (text) => text),
  basic: named(
    'basic',
    '1',
    `${WHISPER} whisper/normalizers/basic.py BasicTextNormalizer`,
    (text) => whisperBasicNormalize(text).trim(),
  ),
  'english-v1': named(
    'english-v1',
    '1',
    `${WHISPER} whisper/normalizers/english.py EnglishTextNormalizer`,
    (text) => whisperEnglish().whisperEnglishNormalize(text).trim(),
  ),
});

export function normalizerByName(name: NormalizerName): TextNormalizer {
  const normalizer = REGISTRY[name];
  if (!normalizer || !Object.hasOwn(REGISTRY, name))
    throw new RangeError(
      `unknown normalizer "${String(name)}" (expected ${NORMALIZER_NAMES.join(', ')})`,
    );
  return normalizer;
}

/**
 * The configurable lastmile-norm-v1 normalizer (today's default for WER/CER) in the same shape,
 * so provenance code handles every normalizer alike. Its id is normalizerId(options), unchanged.
 */
export function configuredNormalizer(options: TranscriptNormalization = {}): TextNormalizer {
  const id = normalizerId(options);
  const [name, version] = id.split(':');
  return Object.freeze({
    name,
    version,
    id,
    source: `lastmile transcript-normalizer.ts ${JSON.stringify(resolveTranscriptNormalization(options))}`,
    normalize: createTranscriptNormalizer(options),
  });
}
