/**
 * A word line of `pocketsphinx_continuous -time yes`: the word (an alternate pronunciation as
 * `and(2)`), its start and end in seconds and its posterior probability, e.g.
 * `consider 2.900 3.440 0.999700` (print_word_times in pocketsphinx 5prealpha's continuous.c).
 */
const WORD_LINE = /^(\S+) (-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?) (\d+(?:\.\d+)?(?:e-?\d+)?)$/;

/**
 * Silence and filler entries of a pocketsphinx dictionary: `<s>`, `</s>`, `<sil>`, noise words
 * such as `[NOISE]` or `[SPEECH]` (en-us noisedict) and older models' `++GARBAGE++`.
 */
const FILLER = /^(<[^>]*>|\[[^\]]*\]|\+\+.*\+\+)$/;

export interface PocketsphinxTranscript {
  /** The hypothesis lines, joined by a space (one per utterance the program segmented). */
  text: string;
  /** Mean posterior of the recognized words, fillers excluded; null without any word line. */
  confidence: number | null;
}

/**
 * The transcript and the recognizer's confidence from what `pocketsphinx_continuous -time yes`
 * prints: each utterance's hypothesis on a line, then one line per segment with its posterior.
 * The confidence is the mean posterior of the words, leaving out sentence markers, silences and
 * fillers (they are not words of the transcript). Without `-time yes` there are only hypothesis
 * lines: the text as before, and no confidence.
 */
export function readPocketsphinxTimes(stdout: string): PocketsphinxTranscript {
  const hypotheses: string[] = [];
  const posteriors: number[] = [];
  for (const raw of stdout.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const word = WORD_LINE.exec(line);
    if (!word) {
      hypotheses.push(line);
      continue;
    }
    if (FILLER.test(word[1])) continue;
    posteriors.push(Math.min(1, Math.max(0, Number(word[4]))));
  }
  const confidence =
    posteriors.length === 0
      ? null
      : Math.round((posteriors.reduce((a, b) => a + b, 0) / posteriors.length) * 1e6) / 1e6;
  return { text: hypotheses.join(' '), confidence };
}
