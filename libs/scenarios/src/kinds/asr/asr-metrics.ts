import type {
  InstanceStats,
  MetricDefinition,
  MetricDirection,
  MetricUnit,
} from '../../scenario-kind';
import { firstSampleProportion, ratioOfSums, sampleMean } from '../../support/item-metrics';
import { numericStat } from '../../support/item-samples';

/** Word and character error rates of labelled items (items without a reference contribute none). */
export const wordMetrics = (): MetricDefinition[] => [
  ratioOfSums('wer', 'lower_is_better', 'errors', 'refWords'),
  ratioOfSums('cer', 'lower_is_better', 'charErrors', 'refChars'),
  ratioOfSums('substitution_rate', 'lower_is_better', 'substitutions', 'refWords'),
  ratioOfSums('deletion_rate', 'lower_is_better', 'deletions', 'refWords'),
  ratioOfSums('insertion_rate', 'lower_is_better', 'insertions', 'refWords'),
];

const descriptive = (definition: MetricDefinition): MetricDefinition => ({
  ...definition,
  descriptive: true,
});

const inUnit = (definition: MetricDefinition, unit: MetricUnit): MetricDefinition => ({
  ...definition,
  unit,
});

/** A per-item value present only on some items (confidence, a tone's frequency). */
function presentMean(name: string, direction: MetricDirection, key: string): MetricDefinition {
  return {
    ...sampleMean(name, direction, key),
    itemValue: (samples: InstanceStats[]) => {
      const values = samples.map((s) => numericStat(s, key)).filter((v) => v !== null);
      return values.length === 0 ? null : { num: values[0], den: 1 };
    },
  };
}

/** A signal with no better side: a change either way is a change of conditions. */
const eitherWay = (definition: MetricDefinition): MetricDefinition => ({
  ...definition,
  twoSided: true,
});

/**
 * Label-free signals, for labelled and unlabelled (monitoring) items alike, every one baselined
 * and drift- and CUSUM-tested (condition_drift). Directions are the harm a change does: less
 * SNR, more clipping, a stronger tone, more empty transcripts or less confidence are worse.
 * Level, speech share, speaking rate, transcript length and duration have no better side: they
 * are tested two-sided against the group's baseline (a transcript 38% shorter than baseline is
 * a finding, and so is one 38% longer). A tone's frequency stays descriptive: it exists only
 * where a tone does, and the tone's rate and prominence already alert.
 */
export const labelFreeMetrics = (): MetricDefinition[] =>
  [
    inUnit(sampleMean('snr_db', 'higher_is_better', 'snrDb'), 'db'),
    sampleMean('clipping_rate', 'lower_is_better', 'clippingRate'),
    inUnit(
      sampleMean('tonal_peak_prominence_db', 'lower_is_better', 'tonalPeakProminenceDb'),
      'db',
    ),
    firstSampleProportion('tonal_peak_rate', 'lower_is_better', 'tonalPeak'),
    firstSampleProportion('empty_transcript_rate', 'lower_is_better', 'emptyTranscript'),
    inUnit(presentMean('confidence', 'higher_is_better', 'confidence'), 'score'),
    eitherWay(inUnit(sampleMean('rms_dbfs', 'higher_is_better', 'rmsDbfs'), 'dbfs')),
    eitherWay(sampleMean('speech_ratio', 'higher_is_better', 'speechRatio')),
    eitherWay(
      inUnit(
        ratioOfSums('words_per_second', 'higher_is_better', 'transcriptWords', 'speechSeconds'),
        'words_per_second',
      ),
    ),
    eitherWay(inUnit(sampleMean('hyp_words', 'higher_is_better', 'transcriptWords'), 'count')),
    eitherWay(
      inUnit(sampleMean('duration_seconds', 'higher_is_better', 'durationSeconds'), 'seconds'),
    ),
    descriptive(inUnit(presentMean('tonal_peak_hz', 'lower_is_better', 'tonalPeakHz'), 'hz')),
  ].map((definition) => ({ ...definition, signal: 'condition' as const }));
