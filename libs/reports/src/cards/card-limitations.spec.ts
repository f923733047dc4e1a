import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CardIncidentRow } from '@lastmile/persistence';
import { deriveLimitations } from './card-limitations';
import type { CardInput } from './card-types';

const PLAN = '00000000-0000-4000-8000-000000000040';
const SLICE = '00000000-0000-4000-8000-000000000030';

function incident(n: number, type: string, planId = PLAN): CardIncidentRow {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type,
    status: 'open',
    severity: 'warning',
    title: `${type} on faq-public`,
    openedAt: `2026-03-${String(n).padStart(2, '0')}T12:00:00.000Z`,
    resolvedAt: null,
    planId,
    planName: 'faq-nightly',
    sliceId: SLICE,
    sliceName: 'faq-public',
    sliceVersion: 1,
  };
}

/** A model with nothing evaluated and the given incidents in the window. */
function input(incidents: CardIncidentRow[]): CardInput {
  return {
    generatedAt: new Date('2026-03-15T12:00:00.000Z'),
    scope: 'all',
    model: {
      id: '00000000-0000-4000-8000-000000000010',
      name: 'support-chat',
      version: '2026-03',
      modality: 'text',
      adapterHash: 'a',
      createdAt: new Date('2026-01-01T00:00:00.000Z'),
    },
    notes: null,
    span: { first: null, last: null, runs: 0 },
    evaluations: [],
    metrics: [],
    plans: [],
    scenarios: [],
    scenariosRun: new Set(),
    incidents,
  };
}

const driftLines = (incidents: CardIncidentRow[]) =>
  deriveLimitations(input(incidents), []).filter((l) => l.kind === 'drift_condition');

describe('deriveLimitations: conditions where a drift alert fired', () => {
  it('counts drift, CUSUM, disparity drift and condition drift alerts on one plan and slice', () => {
    const lines = driftLines([
      incident(14, 'drift'),
      incident(12, 'cusum'),
      incident(11, 'disparity_drift'),
      incident(10, 'condition_drift'),
    ]);
    assert.equal(lines.length, 1);
    assert.match(
      lines[0].text,
      /^A drift alert fired on faq-public v1 \(plan faq-nightly\) 4 times/,
    );
    assert.match(lines[0].text, /most recently on 2026-03-14: “drift on faq-public”/);
  });

  it('leaves out fairness gaps, failed runs and judge drift: none of them is the model drifting', () => {
    const other = '00000000-0000-4000-8000-000000000041';
    assert.deepEqual(
      driftLines([
        incident(14, 'fairness_gap'),
        incident(13, 'health'),
        incident(12, 'judge_drift', other),
      ]),
      [],
    );
    const lines = driftLines([incident(14, 'fairness_gap'), incident(9, 'drift')]);
    assert.equal(lines.length, 1);
    assert.match(lines[0].text, / 1 time in the last 90 days, most recently on 2026-03-09: “drift/);
  });
});
