import { acousticSignals, transcriptBehaviour } from '@lastmile/metrics';
import { decodeAudio } from '@lastmile/slices';
import type { InstanceStats, ScenarioItem } from '../../scenario-kind';
import type { AsrResponse } from './asr-response';

const round = (value: number | null, digits = 4) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Per-item label-free stats: the recording's condition from its audio bytes (decoded with the
 * slices' validated WAV/FLAC readers) and the recognizer's behaviour from its response. When
 * the audio cannot be decoded the acoustic stats are null and `acousticError` says why.
 */
export function labelFreeStats(item: ScenarioItem, response: AsrResponse): InstanceStats {
  let acoustic: ReturnType<typeof acousticSignals> | null = null;
  let acousticError: string | null = null;
  if (!item.audio) acousticError = 'the item has no audio';
  else {
    try {
      const decoded = decodeAudio(item.audio.data);
      acoustic = acousticSignals(decoded.samples, decoded.sampleRate);
    } catch (error) {
      acousticError = (error as Error).message;
    }
  }
  const behaviour = transcriptBehaviour(response.text, {
    speechSeconds: acoustic?.speechSeconds ?? null,
    confidence: response.confidence,
  });
  const tone = acoustic?.tonalPeaks[0] ?? null;
  return {
    durationSeconds: round(acoustic?.durationSeconds ?? null),
    rmsDbfs: round(acoustic?.rmsDbfs ?? null, 2),
    peakDbfs: round(acoustic?.peakDbfs ?? null, 2),
    clippingRate: round(acoustic?.clippingRate ?? null, 6),
    snrDb: round(acoustic?.snrDb ?? null, 2),
    wadaSnrDb: round(acoustic?.wadaSnrDb ?? null, 2),
    speechRatio: round(acoustic?.speechRatio ?? null),
    speechSeconds: round(acoustic?.speechSeconds ?? null),
    // the strongest tone-shaped peak however weak (0 when there is none), so the mean moves
    // smoothly; the frequency only for a tone past the detection threshold
    tonalPeakProminenceDb: acoustic ? round(acoustic.strongestTone?.prominenceDb ?? 0, 2) : null,
    tonalPeak: acoustic ? (tone ? 1 : 0) : null,
    tonalPeakHz: round(tone?.hz ?? null, 1),
    tonalPeaks: acoustic
      ? acoustic.tonalPeaks
          .map((p) => `${p.hz.toFixed(1)} Hz +${p.prominenceDb.toFixed(1)} dB`)
          .join('; ')
      : null,
    acousticError,
    emptyTranscript: behaviour.empty ? 1 : 0,
    transcriptWords: behaviour.words,
    wordsPerSecond: round(behaviour.wordsPerSecond, 3),
    confidence: behaviour.confidence,
  };
}
