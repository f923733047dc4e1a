import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapMeanInterval, bootstrapRatioInterval } from '../stats';
import { BIBLIOGRAPHY } from './bibliography.fixture';
import { citationMetrics } from './citation-metrics';
import { checkResponseCitations } from './citation-report';

const OPTIONS = { seed: 11, resamples: 500 };
// 3 citations: verified, wrong_metadata, not listed.
const MIXED = `1. "Attention Is All You Need" – Vaswani et al., 2017
2. Devlin, J. (2019). BERT: Pre-training of deep bidirectional transformers for language understanding. doi:10.1109/CVPR.2016.90
3. Hinton, G. (2015). Neural networks dream of electric sheep. Imaginary Results.`;
const NONE = 'No sources come to mind.';
const ONE = 'He et al. (2016) introduced residual connections.';

const reports = (complete: boolean) =>
  [MIXED, NONE, ONE].map((answer) =>
    checkResponseCitations(answer, BIBLIOGRAPHY, { bibliographyComplete: complete }),
  );

describe('citationMetrics', () => {
  it('computes per-answer and per-citation rates with bootstrap intervals over answers', () => {
    const result = citationMetrics(reports(false), OPTIONS);
    assert.ok(result && !result.bibliographyComplete);
    const { metrics } = result;
    assert.equal(result.answers, 3);
    const perAnswer = bootstrapMeanInterval([3, 0, 1], OPTIONS);
    assert.deepEqual(metrics.citations_per_answer, { value: 4 / 3, ...perAnswer, n: 3 });
    // Σ verified / Σ citations = (1 + 0 + 1) / (3 + 0 + 1), answers resampled as wholes.
    const verified = bootstrapRatioInterval(
      [
        { num: 1, den: 3 },
        { num: 0, den: 0 },
        { num: 1, den: 1 },
      ],
      OPTIONS,
    );
    assert.deepEqual(metrics.citation_verified_rate, { value: 0.5, ...verified, n: 4 });
    assert.equal(metrics.citation_wrong_metadata_rate?.value, 0.25);
    assert.equal(metrics.citation_unsupported_rate?.value, 0.25);
    assert.equal('citation_fabricated_rate' in metrics, false);
  });

  it('names the not-listed share fabricated when the bibliography is complete', () => {
    const result = citationMetrics(reports(true), OPTIONS);
    assert.ok(result && result.bibliographyComplete);
    assert.equal(result.metrics.citation_fabricated_rate?.value, 0.25);
    assert.equal('citation_unsupported_rate' in result.metrics, false);
  });

  it('has no rates when no answer cites anything', () => {
    const none = [NONE, ''].map((a) => checkResponseCitations(a, BIBLIOGRAPHY));
    const result = citationMetrics(none, OPTIONS);
    assert.ok(result && !result.bibliographyComplete);
    assert.deepEqual(result.metrics, {
      citations_per_answer: { value: 0, low: 0, high: 0, n: 2 },
      citation_verified_rate: null,
      citation_wrong_metadata_rate: null,
      citation_unsupported_rate: null,
    });
  });

  it('has no metrics for no answers', () => {
    assert.equal(citationMetrics([], OPTIONS), null);
  });

  it('refuses to pool answers checked with and without a complete bibliography', () => {
    const [mixed] = reports(false);
    const [complete] = reports(true);
    assert.throws(() => citationMetrics([mixed, complete], OPTIONS), RangeError);
  });
});
