import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { JobLockWatch } from './job-lock-watch';

describe('JobLockWatch', () => {
  it('aborts the executions of the jobs whose locks were lost, and only those', () => {
    const watch = new JobLockWatch();
    const a = watch.watch('a');
    const b = watch.watch('b');
    watch.lost(['a', 'unknown']);
    assert.equal(a.signal.aborted, true);
    assert.equal(b.signal.aborted, false);
  });

  it('signals only the latest execution of a job that was handed out again', () => {
    const watch = new JobLockWatch();
    const first = watch.watch('job');
    const second = watch.watch('job');
    first.release();
    watch.lost(['job']);
    assert.equal(
      second.signal.aborted,
      true,
      "the first execution's release does not unwatch the second",
    );
    assert.equal(first.signal.aborted, false);
  });

  it('forgets a released execution', () => {
    const watch = new JobLockWatch();
    const done = watch.watch('job');
    done.release();
    watch.lost(['job']);
    assert.equal(done.signal.aborted, false);
  });
});
