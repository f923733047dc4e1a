/** Label-free behaviour of the recognizer on one recording. */
export interface TranscriptBehaviour {
  /** No word at all (after trimming): the recognizer heard nothing it would commit to. */
  empty: boolean;
  /** Words in the hypothesis (whitespace-separated, as WER counts them). */
  words: number;
  /** Words per second of detected speech; null when no speech was detected. */
  wordsPerSecond: number | null;
  /** The recognizer's own confidence in [0, 1] when its adapter reports one. */
  confidence: number | null;
}

const WORD = /\S+/gu;

export function transcriptBehaviour(
  hypothesis: string,
  context: { speechSeconds: number | null; confidence?: number | null },
): TranscriptBehaviour {
  const words = hypothesis.match(WORD)?.length ?? 0;
  const { speechSeconds } = context;
  const confidence = context.confidence ?? null;
  if (confidence !== null && !(confidence >= 0 && confidence <= 1))
    throw new RangeError(`confidence must be in [0, 1], got ${confidence}`);
  return {
    empty: words === 0,
    words,
    wordsPerSecond: speechSeconds !== null && speechSeconds > 0 ? words / speechSeconds : null,
    confidence,
  };
}
