import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { alertTransition, type AlertSnapshot } from './alert-transition';

const open = (over: Partial<AlertSnapshot> = {}): AlertSnapshot => ({
  status: 'open',
  severity: 'warning',
  cleanRuns: 0,
  ...over,
});
const finding = (severity: 'info' | 'warning' | 'critical') => ({
  kind: 'finding' as const,
  severity,
});
const clean = { kind: 'clean' as const };

describe('alertTransition', () => {
  it('opens an alert on a first finding and notifies', () => {
    assert.deepEqual(alertTransition(null, finding('warning'), 2), {
      action: 'open',
      severity: 'warning',
      notify: 'opened',
    });
  });

  it('marks a repeat finding seen without notifying again', () => {
    assert.deepEqual(alertTransition(open(), finding('warning'), 2), {
      action: 'seen',
      severity: 'warning',
      notify: null,
    });
    assert.deepEqual(
      alertTransition(open({ status: 'acknowledged', severity: 'critical' }), finding('info'), 2),
      {
        action: 'seen',
        severity: 'critical',
        notify: null,
      },
    );
  });

  it('escalates, and notifies, when the severity rises', () => {
    assert.deepEqual(alertTransition(open(), finding('critical'), 2), {
      action: 'seen',
      severity: 'critical',
      notify: 'escalated',
    });
  });

  it('auto-resolves after the plan’s number of consecutive clean runs', () => {
    assert.deepEqual(alertTransition(open(), clean, 2), {
      action: 'clean',
      cleanRuns: 1,
      notify: null,
    });
    assert.deepEqual(alertTransition(open({ cleanRuns: 1 }), clean, 2), {
      action: 'resolve',
      cleanRuns: 2,
      notify: 'resolved',
    });
    assert.deepEqual(alertTransition(open({ status: 'acknowledged', cleanRuns: 0 }), clean, 1), {
      action: 'resolve',
      cleanRuns: 1,
      notify: 'resolved',
    });
  });

  it('reopens a resolved alert when the finding comes back', () => {
    assert.deepEqual(alertTransition(open({ status: 'resolved' }), finding('info'), 2), {
      action: 'reopen',
      severity: 'info',
      notify: 'reopened',
    });
  });

  it('does nothing on a clean run without an unresolved alert', () => {
    assert.deepEqual(alertTransition(null, clean, 2), { action: 'none', notify: null });
    assert.deepEqual(alertTransition(open({ status: 'resolved' }), clean, 2), {
      action: 'none',
      notify: null,
    });
  });

  it('lets a person acknowledge only an open alert, and resolve any unresolved one', () => {
    const ack = { kind: 'acknowledge' as const };
    const resolve = { kind: 'resolve' as const };
    assert.deepEqual(alertTransition(open(), ack, 2), {
      action: 'acknowledge',
      notify: 'acknowledged',
    });
    assert.deepEqual(alertTransition(open({ status: 'acknowledged', cleanRuns: 1 }), resolve, 2), {
      action: 'resolve',
      cleanRuns: 0,
      notify: 'resolved',
    });
    assert.equal(alertTransition(open({ status: 'acknowledged' }), ack, 2).action, 'refuse');
    assert.match(
      (alertTransition(open({ status: 'resolved' }), resolve, 2) as { reason: string }).reason,
      /already resolved/,
    );
    assert.equal(alertTransition(null, ack, 2).action, 'refuse');
  });
});
