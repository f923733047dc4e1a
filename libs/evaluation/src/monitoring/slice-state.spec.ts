import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { watchLabel } from '@lastmile/scenarios';
import { isClusterSubgroup } from './slice-state';

describe('which reported subgroups are alert-tested', () => {
  it('leaves out one speaker, session or cluster, alone or in a cross cell, never a watched subset', () => {
    const tested = [
      'all',
      'accent=en-029',
      'accent=en-029&noise=hum',
      'speaker_sex=f',
      watchLabel('speaker = s1 AND accent = en-029'),
    ];
    const reportedOnly = [
      'speaker=s1',
      'session=2026-12-01',
      'cluster=c7',
      'accent=en-029&speaker=s1',
      'speaker=a=b',
    ];
    assert.deepEqual(tested.map(isClusterSubgroup), [false, false, false, false, false]);
    assert.deepEqual(reportedOnly.map(isClusterSubgroup), [true, true, true, true, true]);
  });
});
