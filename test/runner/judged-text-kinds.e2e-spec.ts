import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureJudgeAnswer, startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import {
  DEFAULT_SINGLE_RUBRIC,
  getScenarioKind,
  judgeConfigSchema,
  judgeProvenance,
} from '@lastmile/scenarios';
import { createMonitoredPlan } from '../monitoring/support/monitored-plan';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';

const admin = bearer(TEST_ADMIN_KEY);

interface MetricRow {
  name: string;
  subgroup: string;
  value: number | null;
  n: number;
}

interface BaselineRow {
  metric: string;
  subgroup: string;
  versionKey: string;
  runIds: string[];
}

const qa = getScenarioKind('qa');
// The 33 hand-written questions, named: the kind's default is every built-in set.
const QUESTIONS = qa.builtinItems!(qa.configSchema.parse({ questions: 'general_knowledge' }));
const REFERENCES = new Set(QUESTIONS.map((q) => q.references![0]));
/** Questions the fixture model answers with the reference: two in three. */
const ANSWERED = QUESTIONS.filter((_, index) => index % 3 !== 2).length;

/** Answers two questions in three with the first reference answer, the rest "I do not know". */
function qaAnswerer(prompt: string): string {
  const index = QUESTIONS.findIndex((q) => prompt.includes(q.input!));
  return index >= 0 && index % 3 !== 2 ? QUESTIONS[index].references![0] : 'I do not know.';
}

describe('a judge on a qa scenario, through the API and the runner', () => {
  let t: TestApp;
  let answerer: ChatModelServer;
  let judgeServer: ChatModelServer;

  before(async () => {
    t = await startTestApp({ runner: true });
    answerer = await startChatModelServer({ answer: qaAnswerer });
    // Faithful: a reference answer gets the top of the scale, anything else the bottom.
    judgeServer = await startChatModelServer({
      answer: fixtureJudgeAnswer({
        behaviour: () => 'faithful',
        scoreOf: (answer) => (REFERENCES.has(answer) ? 5 : 1),
      }),
    });
  });
  after(async () => {
    await t.close();
    await Promise.all([answerer.close(), judgeServer.close()]);
  });

  const judgedQaPlan = (judge: Record<string, unknown>) =>
    createMonitoredPlan(t, {
      baseUrl: answerer.baseUrl,
      scenario: { kind: 'qa', config: { judge, questions: 'general_knowledge' } },
      plan: { baselinePolicy: { kind: 'first_n', n: 1 } },
    });
  const judgeModel = () => ({
    kind: 'openai-chat',
    baseUrl: judgeServer.baseUrl,
    model: 'judge-fixture',
  });
  const runBody = async (id: string) =>
    (await t.http.get(`/v1/runs/${id}`).set(admin).expect(200)).body;

  it("scores every answer by the judge beside qa's own metrics, the judge in the run's provenance", async () => {
    const judge = { model: judgeModel(), samples: 2, passScore: 4 };
    const before = judgeServer.stats.requests;
    const plan = await judgedQaPlan(judge);
    const { id, status } = await plan.run();
    assert.equal(status, 'succeeded');
    const { body } = await t.http.get(`/v1/runs/${id}/metrics`).set(admin).expect(200);
    const get = (name: string) => {
      const row = (body as MetricRow[]).find((m) => m.name === name && m.subgroup === 'all');
      assert.ok(row, `metric ${name}`);
      return row;
    };
    const n = QUESTIONS.length;
    assert.deepEqual([get('exact_match').value, get('exact_match').n], [ANSWERED / n, n]);
    // The judge gives the ANSWERED reference answers 5 and the others 1, both samples alike.
    assert.deepEqual(
      [get('judge_score').value, get('judge_score').n],
      [(5 * ANSWERED + (n - ANSWERED)) / n, n],
    );
    assert.equal(get('judge_pass_rate').value, ANSWERED / n);
    assert.equal(get('judge_spread').value, 0);
    assert.equal(get('judge_malformed_rate').value, 0);
    assert.equal(get('judge_sample_alpha').value, 1);
    assert.equal(judgeServer.stats.requests - before, n * 2);

    const run = await runBody(id);
    const expected = judgeProvenance(judgeConfigSchema.parse(judge));
    assert.equal(run.provenance.scoring.judge.id, expected.id);
    assert.equal(run.provenance.scoring.judge.modelSpecHash, expected.modelSpecHash);
    assert.deepEqual(
      [run.provenance.scoring.judge.rubric, run.provenance.scoring.judge.passScore],
      [DEFAULT_SINGLE_RUBRIC, 4],
    );
    // The judge's calls count toward the tenant's model-call quota.
    assert.equal(run.provenance.modelCalls, n * (1 + 2));
  });

  it('a new rubric for the judge gives every metric of the scenario a new baseline version key', async () => {
    const plan = await judgedQaPlan({ model: judgeModel(), samples: 1 });
    const first = await plan.run();
    await t.dataSource.query(
      `UPDATE scenarios SET config = jsonb_set(config, '{judge,rubric}', '"Only correctness counts."')
        WHERE id = (SELECT scenario_id FROM plans WHERE id = $1)`,
      [plan.planId],
    );
    const second = await plan.run();
    const [a, b] = await Promise.all([runBody(first.id), runBody(second.id)]);
    assert.equal(b.provenance.scoring.judge.rubric, 'Only correctness counts.');
    assert.notEqual(a.provenance.scoringHash, b.provenance.scoringHash);
    const { body } = await t.http.get(`/v1/plans/${plan.planId}/baselines`).set(admin).expect(200);
    for (const metric of ['exact_match', 'judge_score']) {
      const rows = (body as BaselineRow[]).filter(
        (row) => row.metric === metric && row.subgroup === 'all',
      );
      const keyOf = (runId: string) => rows.find((row) => row.runIds.includes(runId))?.versionKey;
      const keys = [keyOf(first.id), keyOf(second.id)];
      assert.deepEqual(
        keys.map((key) => key?.split(':')[2]),
        [a.provenance.scoringHash.slice(0, 16), b.provenance.scoringHash.slice(0, 16)],
        metric,
      );
      assert.notEqual(keys[0], keys[1], `${metric}: one baseline per judge rubric`);
    }
  });
});
