import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BIBLIOGRAPHY } from './bibliography.fixture';
import { checkResponseCitations } from './citation-report';

const ANSWER = `1. **"Attention Is All You Need"** – Vaswani et al., 2017. DOI: 10.48550/arXiv.1706.03762
2. Devlin, J., et al. (2019). BERT: Pre-training of deep bidirectional transformers for language understanding. doi:10.1109/CVPR.2016.90
3. Hinton, G. (2015). Neural networks dream of electric sheep. Journal of Imaginary Results.`;

describe('checkResponseCitations', () => {
  it('extracts, verifies and counts the citations of one answer', () => {
    const report = checkResponseCitations(ANSWER, BIBLIOGRAPHY);
    assert.deepEqual(
      report.verdicts.map((v) => [v.status, v.entryId, v.matchedBy, v.problems]),
      [
        // Its DataCite DOI is not listed, but the arXiv id it carries is.
        ['verified', 'vaswani2017', 'arxiv', []],
        // ResNet's DOI under BERT's title.
        ['wrong_metadata', 'devlin2019', 'title', ['doi']],
        ['unsupported', null, null, []],
      ],
    );
    assert.deepEqual(report.counts, {
      total: 3,
      verified: 1,
      wrong_metadata: 1,
      unsupported: 1,
      fabricated: 0,
    });
    assert.equal(report.bibliographyComplete, false);
  });

  it('counts works not in a complete bibliography as fabricated', () => {
    const report = checkResponseCitations(ANSWER, BIBLIOGRAPHY, { bibliographyComplete: true });
    assert.deepEqual(report.counts, {
      total: 3,
      verified: 1,
      wrong_metadata: 1,
      unsupported: 0,
      fabricated: 1,
    });
    assert.equal(report.bibliographyComplete, true);
  });

  it('reports no citations for an answer without any', () => {
    const report = checkResponseCitations('I am not aware of papers on this.', BIBLIOGRAPHY);
    assert.deepEqual(report.verdicts, []);
    assert.deepEqual(report.counts, {
      total: 0,
      verified: 0,
      wrong_metadata: 0,
      unsupported: 0,
      fabricated: 0,
    });
  });
});
