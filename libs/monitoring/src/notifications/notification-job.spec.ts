import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { channelKey, notificationJobs } from './notification-job';

const slack = {
  kind: 'slack' as const,
  url: 'https://hooks.slack.com/services/T000/B000/SECRETTOKEN',
};
const pagerduty = {
  kind: 'pagerduty' as const,
  url: 'https://events.pagerduty.com/v2/enqueue',
  secret: 'pd-routing',
};

describe('notification jobs', () => {
  it('names a channel by kind and host, never by the URL path that holds a Slack secret', () => {
    const key = channelKey(slack);
    assert.match(key, /^slack:hooks\.slack\.com:[0-9a-f]{12}$/);
    assert.ok(!key.includes('SECRETTOKEN'));
    // A Slack URL kept as a stored secret is named by the secret's name.
    assert.match(
      channelKey({ kind: 'slack', secret: 'ward-slack' }),
      /^slack:secret\.ward-slack:[0-9a-f]{12}$/,
    );
  });

  it('makes one job per channel whose id is the idempotency key, the same when built again', () => {
    const jobs = notificationJobs('alert-1', '42', 'opened', [slack, pagerduty]);
    assert.equal(jobs.length, 2);
    assert.deepEqual(
      jobs.map((j) => j.opts.jobId),
      jobs.map((j) => j.data.idempotencyKey),
    );
    assert.notEqual(jobs[0].data.idempotencyKey, jobs[1].data.idempotencyKey);
    assert.deepEqual(notificationJobs('alert-1', '42', 'opened', [slack, pagerduty]), jobs);
    assert.notEqual(
      notificationJobs('alert-1', '43', 'opened', [slack])[0].data.idempotencyKey,
      jobs[0].data.idempotencyKey,
    );
    assert.deepEqual(
      [jobs[0].opts.attempts, jobs[0].opts.backoff],
      [6, { type: 'exponential', delay: 2000 }],
    );
    assert.ok(
      jobs[1].data.channel.secret === 'pd-routing',
      "the secret's name travels with the job, its value is opened at delivery",
    );
  });
});
