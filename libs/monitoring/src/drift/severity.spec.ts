import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { higherSeverity, severityFor } from './severity';

describe('severityFor', () => {
  const thresholds = { warning: 0.02, critical: 0.1 };

  it('rises with the size of the change, from the thresholds up', () => {
    assert.deepEqual(
      [0, 0.019, 0.02, 0.099, 0.1, 0.5].map((effect) => severityFor(effect, thresholds)),
      ['info', 'info', 'warning', 'warning', 'critical', 'critical'],
    );
  });

  it('reads a drop (negative change) by its size', () => {
    assert.equal(severityFor(-0.12, thresholds), 'critical');
  });

  it('orders severities', () => {
    assert.equal(higherSeverity('warning', 'critical'), 'critical');
    assert.equal(higherSeverity('critical', 'info'), 'critical');
  });
});
