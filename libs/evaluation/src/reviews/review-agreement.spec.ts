import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LabelledTask } from '@lastmile/persistence';
import { reviewAgreement } from './review-agreement';

const judge = { mode: 'single' as const, scale: { min: 1, max: 5 }, passScore: 4, rubric: 'r' };
const task = (
  id: string,
  stratum: string,
  judgeLabel: string,
  labels: [string, number][],
): LabelledTask => ({
  taskId: id,
  runId: 'run',
  itemKey: id,
  stratum,
  judgeId: 'judge:x',
  judge,
  judgeLabel,
  judgeScore: null,
  labels: labels.map(([reviewerKeyId, score]) => ({
    reviewerKeyId,
    score,
    label: score >= 4 ? 'pass' : 'fail',
  })),
});

describe('reviewAgreement', () => {
  const tasks = [
    task('t1', 'g=a', 'pass', [
      ['r1', 5],
      ['r2', 4],
    ]),
    task('t2', 'g=a', 'pass', [
      ['r1', 2],
      ['r2', 1],
    ]),
    task('t3', 'g=b', 'fail', [
      ['r1', 1],
      ['r2', 2],
    ]),
    task('t4', 'g=b', 'fail', [
      ['r1', 5],
      ['r2', 2],
    ]), // people split: no majority
    task('t5', 'g=b', 'pass', [['r1', 5]]),
  ];
  const report = reviewAgreement(tasks);

  it('counts tasks, labels and reviewers', () => {
    assert.deepEqual([report.tasks, report.labels, report.reviewers], [5, 9, 2]);
  });

  it('compares two reviewers on the verdicts they both gave (Cohen’s κ)', () => {
    // Shared t1..t4: (pass,pass), (fail,fail), (fail,fail), (pass,fail): p_o = 3/4,
    // p_e = ½·¼ + ½·¾ = ½, κ = (¾ − ½)/(1 − ½) = ½.
    const [pair] = report.people.pairs;
    assert.deepEqual(
      [pair.reviewers, pair.n, pair.observed, pair.expected],
      [['r1', 'r2'], 4, 0.75, 0.5],
    );
    assert.equal(pair.kappa, 0.5);
  });

  it('compares the judge with the people’s majority, leaving ties out, overall and per group', () => {
    const [j] = report.judges;
    // Majorities: t1 pass (judge pass ✓), t2 fail (judge pass ✗), t3 fail (✓), t5 pass (✓); t4 tied.
    assert.deepEqual([j.n, j.agreements, j.rate, j.withoutMajority], [4, 3, 0.75, 1]);
    assert.deepEqual(j.groups, [
      { group: 'g=a', n: 2, agreements: 1, rate: 0.5 },
      { group: 'g=b', n: 2, agreements: 2, rate: 1 },
    ]);
    // Judge (pass, pass, fail, pass) vs majority (pass, fail, fail, pass): p_o = ¾,
    // p_e = ¾·½ + ¼·½ = ½, κ = ½.
    assert.equal(j.kappa!.kappa, 0.5);
  });

  it('reports α on scores (interval) and on verdicts (nominal), tasks with one label left out', () => {
    assert.deepEqual(
      [report.people.scoreAlpha!.units, report.people.scoreAlpha!.pairableValues],
      [4, 8],
    );
    assert.equal(report.people.scoreAlpha!.level, 'interval');
    assert.equal(report.people.verdictAlpha.level, 'nominal');
    // Verdicts: coincidences pass-pass 2, fail-fail 4, pass-fail and fail-pass 1 each (t4); n = 8,
    // n_pass = 3, n_fail = 5: α = 1 − (n − 1)·(o_pf + o_fp)/(2·n_pass·n_fail) = 1 − 7·2/30 = 8/15.
    assert.ok(Math.abs(report.people.verdictAlpha.value! - 8 / 15) < 1e-12);
  });
});
