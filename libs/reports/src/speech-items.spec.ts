import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReportItem, RunReportData } from './report-data';
import { renderRunReport } from './render-run-report';

function report(items: ReportItem[]): RunReportData {
  const at = new Date('2026-01-01T00:00:00Z');
  return {
    generatedAt: at,
    run: {
      id: 'r1',
      status: 'succeeded',
      trigger: 'manual',
      total: 1,
      done: 1,
      errors: 0,
      queuedAt: at,
      startedAt: at,
      finishedAt: at,
      provenance: null,
      errorSummary: null,
    },
    model: { name: 'asr', version: '1' },
    scenario: { name: 'ward', kind: 'asr' },
    plan: null,
    headlineMetric: 'wer',
    headlineUnit: 'rate',
    speech: true,
    metrics: [],
    comparisons: [],
    comparisonNotes: [],
    incidents: [],
    underpowered: [],
    worstItems: items,
  };
}

const item: ReportItem = {
  slice: 'ward v1',
  itemId: 'bp',
  input: null,
  reference: 'Blood pressure is one hundred and forty over ninety, okay?',
  response: 'blood pressure is 140 over 90 ok',
  error: null,
  value: 0,
  attributes: { accent: 'en-029' },
  scored: {
    normalizer: 'english-v1@1+glm:ward#0a1b2c3d',
    reference: 'blood pressure is 140 over 90 okay',
    hypothesis: 'blood pressure is 140 over 90 ok',
    referenceFiltered: 'blood pressure is 140 over 90 {ok / okay}',
    hypothesisFiltered: 'blood pressure is 140 over 90 ok',
  },
  audio: '/v1/tenants/t1/slices/s1/items/b%26p/audio',
};

describe('speech items in the run report', () => {
  it('shows raw texts, aligns the texts as scored and names the normalizer and GLM', () => {
    const html = renderRunReport(report([item]));
    assert.match(
      html,
      /<small>reference \(raw\)<\/small> Blood pressure is one hundred and forty over ninety, okay\?/,
    );
    assert.match(html, /<small>scored with english-v1@1\+glm:ward#0a1b2c3d<\/small>/);
    // Aligned as normalized: "140" and "90" are correct, only okay/ok differs.
    assert.match(html, /<span class="w op-C" title="correct"><b>140<\/b><i>140<\/i><\/span>/);
    assert.match(html, /<span class="w op-S" title="substitution"><b>okay<\/b><i>ok<\/i><\/span>/);
    assert.equal((html.match(/op-[SDI]"/g) ?? []).length, 1);
    assert.match(
      html,
      /<small>reference after GLM<\/small> blood pressure is 140 over 90 \{ok \/ okay\}/,
    );
  });

  it('plays the recording through the API, escaped, and only when there is one', () => {
    const html = renderRunReport(report([item]));
    assert.match(
      html,
      /<audio controls preload="none" src="\/v1\/tenants\/t1\/slices\/s1\/items\/b%26p\/audio"><\/audio>/,
    );
    const plain = renderRunReport(report([{ ...item, audio: null, scored: null }]));
    assert.doesNotMatch(plain, /<audio/);
    // Without stored normalized texts the default normalization aligns the raw texts.
    assert.match(
      plain,
      /<span class="w op-S" title="substitution"><b>forty<\/b><i>140<\/i><\/span>/,
    );
    assert.equal((plain.match(/op-[SDI]"/g) ?? []).length, 6);
  });
});
