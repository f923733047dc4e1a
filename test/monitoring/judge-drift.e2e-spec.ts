import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  calibrationFixtureJudge,
  fixtureJudgeAnswer,
  startChatModelServer,
  type ChatModelServer,
  type FixtureJudgeBehaviour,
} from '@lastmile/fixtures';
import {
  CALIBRATION_SET,
  DEFAULT_SINGLE_RUBRIC,
  judgeConfigSchema,
  judgeIdOf,
  judgeProvenance,
  judgeScoring,
  judgeCalibrationSettings,
  OPEN_QUESTIONS,
} from '@lastmile/scenarios';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';
import { createMonitoredPlan, planAlerts, planFindings } from './support/monitored-plan';

const admin = bearer(TEST_ADMIN_KEY);

interface MetricRow {
  name: string;
  subgroup: string;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
}

// The built-in set: 36 answers, people passed 16 (score 5 at the default pass score 5) and failed
// 20 (two scored 4, eighteen 1 or 2).
const PASSED = CALIBRATION_SET.filter((i) => i.label === '5').length;

describe('judge drift: a judge re-scoring a human-labelled calibration set on a schedule', () => {
  let t: TestApp;
  let judge: ChatModelServer;
  let behaviour: FixtureJudgeBehaviour = 'faithful';

  before(async () => {
    t = await startTestApp({ runner: true });
    judge = await startChatModelServer({ answer: calibrationFixtureJudge(() => behaviour) });
  });
  after(async () => {
    await t.close();
    await judge.close();
  });

  const metrics = async (runId: string, subgroup = 'all') => {
    const { body } = await t.http.get(`/v1/runs/${runId}/metrics`).set(admin).expect(200);
    return Object.fromEntries(
      (body as MetricRow[]).filter((m) => m.subgroup === subgroup).map((m) => [m.name, m]),
    );
  };

  const calibrationPlan = () =>
    createMonitoredPlan(t, {
      baseUrl: judge.baseUrl,
      scenario: { kind: 'judge_calibration', config: { samples: 1 } },
      // minEffect 0: any drop counts, tested exactly (McNemar); with a minimum effect the shifted
      // null is tested with Tango's score test.
      plan: { baselinePolicy: { kind: 'first_n', n: 1 }, alertPolicy: { minEffect: 0 } },
    });

  it('raises judge_drift, naming the judge and its rubric, when the judge stops agreeing with people', async () => {
    assert.equal(PASSED, 16);
    behaviour = 'faithful';
    const plan = await calibrationPlan();
    const first = await plan.run();
    assert.equal(first.status, 'succeeded');
    const before = await metrics(first.id);
    assert.deepEqual(
      [before.judge_human_agreement.value, before.judge_human_agreement.n],
      [1, CALIBRATION_SET.length],
    );
    assert.equal(before.judge_human_kappa.value, 1);
    assert.equal(before.judge_score_error.value, 0);

    behaviour = 'lenient';
    const second = await plan.run();
    const after = await metrics(second.id);
    // Lenient: every answer gets 5, so it agrees only on the 16 answers people passed.
    assert.equal(after.judge_human_agreement.value, PASSED / CALIBRATION_SET.length);
    assert.equal(after.judge_pass_rate.value, 1);
    assert.equal(after.judge_human_kappa.value, 0);

    const incidents = await planAlerts(t, plan.planId);
    assert.deepEqual(
      incidents.map((i) => i.type),
      ['judge_drift'],
      'the judge drifted, not the model it scores',
    );
    const findings = await planFindings(t, plan.planId);
    const headline = findings.find(
      (f) => f.metric === 'judge_human_agreement' && f.subgroup === 'all',
    )!;
    assert.ok(headline, JSON.stringify(findings.map((f) => [f.metric, f.subgroup])));
    assert.equal(headline.kind, 'judge_drift');
    assert.equal(headline.test, 'mcnemar-exact');
    // Paired on the 36 items: 20 lost agreement, none gained. Exact one-sided p = ½²⁰.
    const evidence = headline.evidence as {
      pValue: number;
      judge: {
        id: string;
        model: string;
        rubric: string;
        version: string;
        promptHash: string;
        calibration: { paired: number; worse: number; better: number };
      };
    };
    assert.equal(evidence.pValue, 0.5 ** 20);
    assert.deepEqual(evidence.judge.calibration, { paired: 36, worse: 20, better: 0 });
    const runs = await t.http.get(`/v1/runs/${second.id}`).set(admin).expect(200);
    const scoring = judgeScoring(judgeCalibrationSettings({ samples: 1 }));
    assert.deepEqual(runs.body.provenance.scoring, { judge: scoring });
    assert.equal(
      evidence.judge.id,
      judgeIdOf(runs.body.provenance.modelSpecHash, scoring.promptHash, '1'),
    );
    // The same judge id as a scenario whose `judge.model` is this model's adapter spec.
    assert.equal(
      evidence.judge.id,
      judgeProvenance(
        judgeConfigSchema.parse({
          model: { kind: 'openai-chat', baseUrl: judge.baseUrl, model: 'fixture' },
          samples: 1,
        }),
      ).id,
    );
    assert.equal(evidence.judge.rubric, DEFAULT_SINGLE_RUBRIC);
    assert.equal(evidence.judge.model, runs.body.provenance.model);
    assert.match(headline.title, new RegExp(`^Judge ${runs.body.provenance.model} \\(judge:`));
    assert.match(headline.title, /rubric v1 "Rate how well the answer responds/);
    assert.match(headline.title, /judge_human_agreement 1 → 0\.444/);
  });

  it('starts a new baseline, not an incident, when the rubric or its version changes', async () => {
    behaviour = 'faithful';
    const plan = await calibrationPlan();
    const first = await plan.run();
    // An operator bumps the rubric's version (or an upgrade rewords the default rubric): the
    // scores that follow are another judge's, whatever they are.
    await t.dataSource.query(
      `UPDATE scenarios SET config = jsonb_set(config, '{version}', '"2"')
        WHERE id = (SELECT scenario_id FROM plans WHERE id = $1)`,
      [plan.planId],
    );
    behaviour = 'lenient';
    const second = await plan.run();
    const [a, b] = await Promise.all(
      [first.id, second.id].map(
        async (id) => (await t.http.get(`/v1/runs/${id}`).set(admin).expect(200)).body.provenance,
      ),
    );
    assert.equal(a.scoring.judge.version, '1');
    assert.equal(b.scoring.judge.version, '2');
    assert.notEqual(a.scoringHash, b.scoringHash);
    assert.equal((await metrics(second.id)).judge_human_agreement.value, 16 / 36);
    assert.deepEqual(await planAlerts(t, plan.planId), [], 'no drift across judge versions');
    const { body: baselines } = await t.http
      .get(`/v1/plans/${plan.planId}/baselines`)
      .set(admin)
      .expect(200);
    const keys = new Set(
      (baselines as { metric: string; subgroup: string; versionKey: string }[])
        .filter((row) => row.metric === 'judge_human_agreement' && row.subgroup === 'all')
        .map((row) => row.versionKey),
    );
    assert.equal(keys.size, 2, 'one baseline per judge version');
    assert.ok([...keys].some((key) => key.endsWith(b.scoringHash.slice(0, 16))));
  });

  describe('a scenario scored by a judge (open_answer)', () => {
    let answerer: ChatModelServer;
    let scorer: ChatModelServer;
    let scoring: FixtureJudgeBehaviour = 'faithful';

    before(async () => {
      // The model answers every question with its reference; the judge scores a reference 5.
      answerer = await startChatModelServer({
        answer: (prompt) =>
          OPEN_QUESTIONS.find((q) => prompt.includes(q.input!))?.references![0] ?? 'no idea',
      });
      scorer = await startChatModelServer({
        answer: fixtureJudgeAnswer({ behaviour: () => scoring, scoreOf: () => 5 }),
      });
    });
    after(async () => Promise.all([answerer.close(), scorer.close()]));

    const judgedPlan = () =>
      createMonitoredPlan(t, {
        baseUrl: answerer.baseUrl,
        scenario: {
          kind: 'open_answer',
          config: {
            judge: {
              model: { kind: 'openai-chat', baseUrl: scorer.baseUrl, model: 'judge' },
              samples: 1,
            },
          },
        },
        plan: { baselinePolicy: { kind: 'first_n', n: 1 } },
      });

    it('a judge whose scores change under the same rubric looks like drift of the model (why calibration exists)', async () => {
      scoring = 'faithful';
      const plan = await judgedPlan();
      await plan.run();
      scoring = 'harsh';
      await plan.run();
      const incidents = await planAlerts(t, plan.planId);
      assert.deepEqual(
        incidents.map((i) => i.type),
        ['drift'],
      );
      const metrics = (await planFindings(t, plan.planId)).map((f) => `${f.metric} ${f.subgroup}`);
      assert.ok(metrics.includes('judge_score all') && metrics.includes('judge_pass_rate all'));
    });

    it('a new rubric for the judge starts a new baseline instead', async () => {
      scoring = 'faithful';
      const plan = await judgedPlan();
      const first = await plan.run();
      await t.dataSource.query(
        `UPDATE scenarios SET config = jsonb_set(config, '{judge,rubric}', '"Only correctness counts."')
          WHERE id = (SELECT scenario_id FROM plans WHERE id = $1)`,
        [plan.planId],
      );
      scoring = 'harsh';
      const second = await plan.run();
      const [a, b] = await Promise.all(
        [first.id, second.id].map(
          async (id) => (await t.http.get(`/v1/runs/${id}`).set(admin).expect(200)).body,
        ),
      );
      assert.equal(a.provenance.scoring.judge.rubric, DEFAULT_SINGLE_RUBRIC);
      assert.equal(b.provenance.scoring.judge.rubric, 'Only correctness counts.');
      assert.notEqual(a.provenance.scoring.judge.id, b.provenance.scoring.judge.id);
      assert.deepEqual(await planAlerts(t, plan.planId), []);
      const { body: baselines } = await t.http
        .get(`/v1/plans/${plan.planId}/baselines`)
        .set(admin)
        .expect(200);
      const rows = (
        baselines as { metric: string; subgroup: string; versionKey: string; runIds: string[] }[]
      ).filter((row) => row.metric === 'judge_score' && row.subgroup === 'all');
      assert.deepEqual(
        rows.map((row) => row.runIds).sort(),
        [[first.id], [second.id]].sort(),
        'each judge has its own baseline',
      );
    });
  });
});
