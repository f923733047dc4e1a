import type { PowerSpectrum } from './welch-spectrum';

export interface TonalPeak {
  /** Frequency, refined between bins by a parabola through the log powers. */
  hz: number;
  /** dB above the local noise floor (the median of the bins around it, the peak's lobe excluded). */
  prominenceDb: number;
}

export interface TonalPeakOptions {
  /** Lowest frequency searched (default 40 Hz: below, DC offset and rumble). */
  minHz?: number;
  /** Highest (default the Nyquist frequency minus 100 Hz). */
  maxHz?: number;
  /** Only peaks at least this far above the floor (default 12 dB; 0 lists every tone-shaped peak). */
  minProminenceDb?: number;
  /** Half-width of the floor window (default 100 Hz each side). */
  floorHalfWidthHz?: number;
  /** At most this many peaks, most prominent first (default 5). */
  limit?: number;
}

// A Hann window spreads a pure tone over ±2 bins; its top 6 dB span at most 3 bins (2 when
// the tone sits on a bin, 3 half-way between). Voiced speech, whose pitch moves, spans more.
const LOBE_BINS = 3;
const TONE_WIDTH_BINS = 3;
const WIDTH_DROP_DB = 6;

/**
 * Stationary tones (mains hum at 50/60 Hz and harmonics, a 1 kHz equipment whine) stand out of
 * the log-averaged Welch spectrum (`meanDb`), where speech, intermittent and with a moving
 * pitch, is smeared and discounted.
 * A peak is a local maximum over ±LOBE_BINS, as narrow as a pure tone seen through the Hann
 * window, whose power is minProminenceDb above the median of the bins within
 * floorHalfWidthHz, its own lobe excluded.
 */
export function tonalPeaks(spectrum: PowerSpectrum, options: TonalPeakOptions = {}): TonalPeak[] {
  const { meanDb: db, binHz } = spectrum;
  const last = db.length - 1;
  const minHz = options.minHz ?? 40;
  const maxHz = options.maxHz ?? spectrum.sampleRate / 2 - 100;
  const threshold = options.minProminenceDb ?? 12;
  const half = Math.max(LOBE_BINS + 4, Math.round((options.floorHalfWidthHz ?? 100) / binHz));
  const peaks: TonalPeak[] = [];
  const first = Math.max(LOBE_BINS, Math.ceil(minHz / binHz));
  const stop = Math.min(last - LOBE_BINS, Math.floor(maxHz / binHz));
  for (let k = first; k <= stop; k++) {
    if (!isLocalMaximum(db, k) || widthBins(db, k) > TONE_WIDTH_BINS) continue;
    const floor = localFloorDb(db, k, half);
    const prominenceDb = db[k] - floor;
    if (prominenceDb < threshold) continue;
    peaks.push({ hz: (k + parabolicOffset(db, k)) * binHz, prominenceDb });
  }
  return peaks.sort((a, b) => b.prominenceDb - a.prominenceDb).slice(0, options.limit ?? 5);
}

function isLocalMaximum(db: Float64Array, k: number): boolean {
  for (let j = k - LOBE_BINS; j <= k + LOBE_BINS; j++) {
    if (j !== k && (db[j] > db[k] || (db[j] === db[k] && j < k))) return false;
  }
  return true;
}

/** Contiguous bins within WIDTH_DROP_DB of the peak. */
function widthBins(db: Float64Array, k: number): number {
  let left = k;
  let right = k;
  while (left > 0 && db[left - 1] > db[k] - WIDTH_DROP_DB && k - left <= LOBE_BINS) left--;
  while (right < db.length - 1 && db[right + 1] > db[k] - WIDTH_DROP_DB && right - k <= LOBE_BINS)
    right++;
  return right - left + 1;
}

function localFloorDb(db: Float64Array, k: number, half: number): number {
  const values: number[] = [];
  for (let j = Math.max(1, k - half); j <= Math.min(db.length - 1, k + half); j++) {
    if (Math.abs(j - k) > LOBE_BINS) values.push(db[j]);
  }
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
}

function parabolicOffset(db: Float64Array, k: number): number {
  const [a, b, c] = [db[k - 1], db[k], db[k + 1]];
  const denominator = a - 2 * b + c;
  return denominator === 0 ? 0 : (0.5 * (a - c)) / denominator;
}
