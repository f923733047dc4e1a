/** A condition signal of one group: its baseline and current values (null: not measured). */
export interface SignalChange {
  baseline: number | null;
  current: number | null;
}

export interface ConditionGroup {
  /** 'all' or 'attribute=value'. */
  subgroup: string;
  /** Recordings in the group in this run. */
  n: number;
  /** Condition metrics whose drift was found in this group. */
  drifted: ReadonlySet<string>;
  /** Every condition signal of the group, drifted or not (e.g. tonal_peak_hz, which never alerts). */
  signals: Readonly<Record<string, SignalChange>>;
}

const integer = (x: number) => Math.round(x).toLocaleString('en-US');
const percent = (x: number) => `${Math.round(x * 100)}%`;
const fine = (x: number) => `${Number((x * 100).toPrecision(2))}%`;
const plain = (x: number) => Number(x.toPrecision(3)).toString();

/**
 * A length against the group's baseline: "transcripts 38% shorter than baseline (8 → 5 words)";
 * from a baseline of 0 there is no relative change to give, only the values.
 */
const relativeLength =
  (what: string, unit: string) =>
  (b: number, c: number): string => {
    const values = `${plain(b)} → ${plain(c)} ${unit}`;
    if (b === 0) return `${what} ${values}`;
    const change = Math.round((Math.abs(c - b) / Math.abs(b)) * 100);
    return `${what} ${change}% ${c < b ? 'shorter' : 'longer'} than baseline (${values})`;
  };

/** How each drifted signal reads in words; the tone is described in one clause of its own. */
const CLAUSES: Record<string, (b: number, c: number) => string> = {
  snr_db: (b, c) => `estimated SNR ${integer(b)} → ${integer(c)} dB`,
  empty_transcript_rate: (b, c) => `empty transcripts ${percent(b)} → ${percent(c)}`,
  clipping_rate: (b, c) => `clipped samples ${fine(b)} → ${fine(c)}`,
  confidence: (b, c) => `recognizer confidence ${plain(b)} → ${plain(c)}`,
  hyp_words: relativeLength('transcripts', 'words'),
  speech_ratio: (b, c) => `speech detected in ${percent(b)} → ${percent(c)} of the audio`,
  rms_dbfs: (b, c) => `level ${integer(b)} → ${integer(c)} dBFS`,
  duration_seconds: relativeLength('recordings', 's'),
  // Last: a rate over *detected* speech reads oddly when detection itself collapses.
  words_per_second: (b, c) =>
    `speaking rate ${plain(b)} → ${plain(c)} words per second of detected speech`,
};
const TONE_METRICS = ['tonal_peak_rate', 'tonal_peak_prominence_db'];

/**
 * What changed in one group's recordings, in words, from the signals whose drift was found:
 * "a tonal peak at 1,000 Hz, 18 dB above the noise floor, appeared in 31 of 32 recordings;
 * estimated SNR 24 → 6 dB; empty transcripts 0% → 41%; transcripts 38% shorter than baseline
 * (8 → 5 words)". Null when nothing drifted.
 */
export function describeConditionChange(group: ConditionGroup): string | null {
  const clauses: string[] = [];
  const tone = toneClause(group);
  if (tone) clauses.push(tone);
  for (const metric of [...group.drifted].sort(byClauseOrder)) {
    if (TONE_METRICS.includes(metric)) continue;
    const { baseline, current } = group.signals[metric] ?? { baseline: null, current: null };
    if (baseline === null || current === null) continue;
    const clause = CLAUSES[metric];
    clauses.push(
      clause ? clause(baseline, current) : `${metric} ${plain(baseline)} → ${plain(current)}`,
    );
  }
  return clauses.length ? clauses.join('; ') : null;
}

function byClauseOrder(a: string, b: string): number {
  const order = Object.keys(CLAUSES);
  const rank = (m: string) => (order.includes(m) ? order.indexOf(m) : order.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}

function toneClause(group: ConditionGroup): string | null {
  if (!TONE_METRICS.some((m) => group.drifted.has(m))) return null;
  const rate = group.signals.tonal_peak_rate;
  const prominence = group.signals.tonal_peak_prominence_db;
  const hz = group.signals.tonal_peak_hz?.current ?? null;
  if (hz === null || !rate || rate.current === null) {
    if (!prominence || prominence.baseline === null || prominence.current === null) return null;
    return `tone-like peaks ${integer(prominence.baseline)} → ${integer(prominence.current)} dB above the noise floor`;
  }
  const above =
    prominence?.current === null || prominence?.current === undefined
      ? ''
      : `, ${integer(prominence.current)} dB above the noise floor,`;
  const count = Math.round(rate.current * group.n);
  const where = `${count} of ${group.n} recording${group.n === 1 ? '' : 's'}`;
  const before = rate.baseline ?? 0;
  return before < 0.5 / group.n
    ? `a tonal peak at ${integer(hz)} Hz${above} appeared in ${where}`
    : `a tonal peak at ${integer(hz)} Hz${above} is in ${where} (was ${percent(before)})`;
}

/** A group's subgroup in words: 'accent=en-029' → 'accent en-029'; 'all' → 'all recordings'. */
export function groupLabel(subgroup: string): string {
  return subgroup === 'all' ? 'all recordings' : subgroup.replace(/=/g, ' ').replace(/&/g, ', ');
}
