import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { customerScheduleRefusal, shortestIntervalSeconds } from './schedule-interval';

describe('schedule interval rules for customer plans', () => {
  const from = new Date('2026-03-02T10:00:30Z');

  it('finds the shortest gap between fire times, including irregular ones', () => {
    assert.equal(shortestIntervalSeconds('*/5 * * * *', 'UTC', from), 300);
    assert.equal(shortestIntervalSeconds('0 * * * *', 'UTC', from), 3600);
    // Twice a day, one minute apart: the short gap counts, not the average.
    assert.equal(shortestIntervalSeconds('0,1 9 * * *', 'UTC', from), 60);
    assert.equal(shortestIntervalSeconds('*/10 * * * * *', 'UTC', from), 10);
  });

  it('refuses seconds-level and too-frequent schedules, and accepts the minimum itself', () => {
    assert.match(customerScheduleRefusal('* * * * * *', 'UTC', 300)!, /seconds field/);
    assert.match(customerScheduleRefusal('*/1 * * * *', 'UTC', 300)!, /every 60 s/);
    assert.equal(customerScheduleRefusal('*/5 * * * *', 'UTC', 300), null);
    assert.equal(customerScheduleRefusal('0 3 * * 1', 'Europe/Paris', 300), null);
  });
});
