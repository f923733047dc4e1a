import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeConditionChange, groupLabel } from './condition-summary';

const HUM = {
  tonal_peak_rate: { baseline: 0, current: 31 / 32 },
  tonal_peak_prominence_db: { baseline: 2.4, current: 18.2 },
  tonal_peak_hz: { baseline: null, current: 999.6 },
  snr_db: { baseline: 24.3, current: 6.4 },
  empty_transcript_rate: { baseline: 0, current: 13 / 32 },
  rms_dbfs: { baseline: -24, current: -15 },
};

describe('condition change in words', () => {
  it('names the tone, its prominence and how many recordings have it, then SNR and empty transcripts', () => {
    const drifted = new Set([
      'empty_transcript_rate',
      'snr_db',
      'tonal_peak_prominence_db',
      'tonal_peak_rate',
    ]);
    assert.equal(
      describeConditionChange({ subgroup: 'all', n: 32, drifted, signals: HUM }),
      'a tonal peak at 1,000 Hz, 18 dB above the noise floor, appeared in 31 of 32 recordings; estimated SNR 24 → 6 dB; empty transcripts 0% → 41%',
    );
  });

  it('says only what drifted, and what the tone was before when it was already there', () => {
    const signals = { ...HUM, tonal_peak_rate: { baseline: 0.25, current: 1 } };
    assert.equal(
      describeConditionChange({
        subgroup: 'accent=en-029',
        n: 8,
        drifted: new Set(['tonal_peak_rate', 'clipping_rate']),
        signals: { ...signals, clipping_rate: { baseline: 0, current: 0.0123 } },
      }),
      'a tonal peak at 1,000 Hz, 18 dB above the noise floor, is in 8 of 8 recordings (was 25%); clipped samples 0% → 1.2%',
    );
    assert.equal(
      describeConditionChange({ subgroup: 'all', n: 8, drifted: new Set(), signals }),
      null,
    );
  });

  it('falls back to the prominence when no peak passed the detector, and to the metric name', () => {
    assert.equal(
      describeConditionChange({
        subgroup: 'all',
        n: 4,
        drifted: new Set(['tonal_peak_prominence_db', 'confidence', 'hum_index']),
        signals: {
          tonal_peak_prominence_db: { baseline: 3, current: 9.6 },
          tonal_peak_hz: { baseline: null, current: null },
          confidence: { baseline: 0.91, current: 0.625 },
          hum_index: { baseline: 1, current: 2.5 },
        },
      }),
      'tone-like peaks 3 → 10 dB above the noise floor; recognizer confidence 0.91 → 0.625; hum_index 1 → 2.5',
    );
  });

  it('says how much shorter the transcripts are than the baseline, and the other signals with no better side', () => {
    const signals = {
      hyp_words: { baseline: 8, current: 4.96 },
      words_per_second: { baseline: 2.5, current: 3.1 },
      speech_ratio: { baseline: 0.8, current: 0.45 },
      rms_dbfs: { baseline: -30.2, current: -18.6 },
      duration_seconds: { baseline: 3, current: 3.6 },
      empty_transcript_rate: { baseline: 0, current: 0.25 },
    };
    assert.equal(
      describeConditionChange({
        subgroup: 'accent=en-029',
        n: 16,
        drifted: new Set(Object.keys(signals)),
        signals,
      }),
      'empty transcripts 0% → 25%; transcripts 38% shorter than baseline (8 → 4.96 words); speech detected in 80% → 45% of the audio; level -30 → -19 dBFS; recordings 20% longer than baseline (3 → 3.6 s); speaking rate 2.5 → 3.1 words per second of detected speech',
    );
    assert.equal(
      describeConditionChange({
        subgroup: 'all',
        n: 4,
        drifted: new Set(['hyp_words']),
        signals: { hyp_words: { baseline: 0, current: 2 } },
      }),
      'transcripts 0 → 2 words',
    );
  });

  it('labels groups as people read them', () => {
    assert.equal(groupLabel('all'), 'all recordings');
    assert.equal(groupLabel('accent=en-029'), 'accent en-029');
    assert.equal(groupLabel('accent=en-029&noise=hum'), 'accent en-029, noise hum');
  });
});
