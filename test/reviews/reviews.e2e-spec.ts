import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { judgePromptSection, startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { DEFAULT_SINGLE_RUBRIC, OPEN_QUESTIONS } from '@lastmile/scenarios';
import {
  createKey,
  createPlan,
  createScenario,
  createTenant,
  expectStatus,
  queueRun,
  registerModel,
  type KeyView,
  type TenantView,
} from '../factories/api-resources';
import { assertProblem } from '../api/support/problem-assertions';
import { waitFor } from '../support/poll';
import { pythonWithStatsmodels, runPython } from '../support/python-reference';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';

const admin = bearer(TEST_ADMIN_KEY);
const REFERENCES = new Set(OPEN_QUESTIONS.map((q) => q.references![0]));
/** The question whose judge samples disagree (5, then 1). */
const UNSURE = OPEN_QUESTIONS[3];

/** Answers two questions in three with the reference answer, the rest "I do not know". */
function answerer(prompt: string): string {
  const index = OPEN_QUESTIONS.findIndex((q) => prompt.includes(q.input!));
  return index >= 0 && index % 3 !== 2 ? OPEN_QUESTIONS[index].references![0] : 'I do not know.';
}

/** A fixture judge: 5 for a reference answer, 1 otherwise; unsure (5 then 1) on one question. */
function judge(prompt: string, body: Record<string, unknown>): string {
  const answer = judgePromptSection(prompt, 'Answer') ?? '';
  const sample = Number(body.seed) - 1000;
  const unsure = judgePromptSection(prompt, 'Question') === UNSURE.input && sample === 1;
  const score = REFERENCES.has(answer) && !unsure ? 5 : 1;
  return JSON.stringify({ score, rationale: 'fixture' });
}

interface NextView {
  id: string;
  runId: string;
  planId: string | null;
  itemId: string;
  group: string;
  reason: string;
  labels: number;
  question: string;
  answer: string;
  reference: string | null;
  rubric: string;
  label: Record<string, unknown>;
}

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: four observers,
// twelve units, values 1–5 with missing data. Published: α = 0.849 (interval), 0.743 (nominal).
const EXAMPLE_C = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

/** Independent of our TypeScript: Krippendorff's coincidence matrix, statsmodels' κ. */
const REFERENCE_SCRIPT = String.raw`
import json, sys, itertools
import numpy as np
from collections import Counter
from statsmodels.stats.inter_rater import cohens_kappa

data = json.load(sys.stdin)
scores, judge, pass_score = data['scores'], data['judge'], data['passScore']
units = len(scores[0])
verdict = lambda v: None if v is None else ('pass' if v >= pass_score else 'fail')
verdicts = [[verdict(v) for v in row] for row in scores]

def alpha(rows, delta):
    values = [[row[u] for row in rows if row[u] is not None] for u in range(units)]
    values = [v for v in values if len(v) >= 2]
    o = Counter()
    for v in values:
        for i, a in enumerate(v):
            for j, b in enumerate(v):
                if i != j: o[(a, b)] += 1 / (len(v) - 1)
    n_c = Counter()
    for (a, _), w in o.items(): n_c[a] += w
    n = sum(n_c.values())
    d_o = sum(w * delta(a, b) for (a, b), w in o.items())
    d_e = sum(n_c[a] * n_c[b] * delta(a, b) for a in n_c for b in n_c) / (n - 1)
    return 1 - d_o / d_e

def kappa(pairs):
    labels = sorted({x for p in pairs for x in p})
    table = np.array([[sum(1 for p in pairs if p == (a, b)) for b in labels] for a in labels])
    r = cohens_kappa(table)
    return {'kappa': r.kappa, 'se': r.std_kappa, 'low': r.kappa_low, 'high': r.kappa_upp, 'n': len(pairs)}

pairs = []
for i, j in itertools.combinations(range(len(scores)), 2):
    shared = [(verdicts[i][u], verdicts[j][u]) for u in range(units)
              if verdicts[i][u] is not None and verdicts[j][u] is not None]
    pairs.append({'i': i, 'j': j, **kappa(shared)})

majority, judged = [], []
for u in range(units):
    counts = Counter(row[u] for row in verdicts if row[u] is not None).most_common()
    if len(counts) > 1 and counts[0][1] == counts[1][1]: continue
    majority.append(counts[0][0]); judged.append(judge[u])
vs = kappa(list(zip(judged, majority)))
vs['agreements'] = sum(1 for a, b in zip(judged, majority) if a == b)

print(json.dumps({
    'intervalAlpha': alpha(scores, lambda a, b: (a - b) ** 2),
    'verdictAlpha': alpha(verdicts, lambda a, b: 0 if a == b else 1),
    'pairs': pairs,
    'judge': vs,
}))
`;

describe('review queue: people label judged answers, and agreement is measured', () => {
  let t: TestApp;
  const servers: ChatModelServer[] = [];
  let tenant: TenantView;
  let other: TenantView;
  let queueScenario: string;
  let agreementScenario: string;
  const plans = {} as Record<'tenant' | 'operator' | 'agreement', string>;
  const runs = {} as Record<'tenant' | 'operator' | 'agreement', string>;
  const keys = {} as Record<
    'a1' | 'a2' | 'a3' | 'a4' | 'other' | 'operator' | 'customer' | 'ml',
    KeyView
  >;

  before(async () => {
    t = await startTestApp({ runner: true, env: { LASTMILE_RATE_LIMIT_PER_MINUTE: '100000' } });
    const [model, judgeServer] = [
      await startChatModelServer({ answer: answerer }),
      await startChatModelServer({ answer: judge }),
    ];
    servers.push(model, judgeServer);
    const { id: modelId } = await registerModel(t, {
      adapter: { kind: 'openai-chat', baseUrl: model.baseUrl, model: 'answerer' },
    });
    const config = {
      judge: {
        model: { kind: 'openai-chat', baseUrl: judgeServer.baseUrl, model: 'judge' },
        samples: 2,
        passScore: 3,
      },
    };
    queueScenario = (await createScenario(t, { kind: 'open_answer', config })).id;
    agreementScenario = (await createScenario(t, { kind: 'open_answer', config })).id;
    [tenant, other] = [await createTenant(t), await createTenant(t)];
    plans.tenant = (
      await createPlan(t, { modelId, scenarioId: queueScenario }, { tenant: tenant.slug })
    ).id;
    plans.operator = (await createPlan(t, { modelId, scenarioId: queueScenario })).id;
    plans.agreement = (
      await createPlan(t, { modelId, scenarioId: agreementScenario }, { tenant: tenant.slug })
    ).id;
    for (const name of ['tenant', 'operator', 'agreement'] as const)
      runs[name] = (await queueRun(t, plans[name])).id;
    // Every run puts its 18 answers in the queue when it ends (LASTMILE_REVIEW_SAMPLE_PER_RUN 40).
    for (const runId of Object.values(runs))
      await waitFor(
        async () => {
          const [{ n }] = await t.dataSource.query(
            'SELECT count(*)::int AS n FROM review_tasks WHERE run_id = $1',
            [runId],
          );
          return n === 18 ? true : undefined;
        },
        90_000,
        `review tasks of run ${runId}`,
      );
    for (const name of ['a1', 'a2', 'a3', 'a4'] as const)
      keys[name] = await createKey(t, 'reviewer', tenant.slug);
    keys.other = await createKey(t, 'reviewer', other.slug);
    keys.operator = await createKey(t, 'reviewer');
    keys.customer = await createKey(t, 'customer', tenant.slug);
    keys.ml = await createKey(t, 'ml');
  });
  after(async () => {
    await t.close();
    await Promise.all(servers.map((s) => s.close()));
  });

  const next = (key: KeyView | string, query: Record<string, string> = {}) =>
    t.http
      .get('/v1/reviews/next')
      .query(query)
      .set(bearer(typeof key === 'string' ? key : key.key));
  const label = (key: KeyView, taskId: string, body: unknown) =>
    t.http
      .post(`/v1/reviews/${taskId}`)
      .set(bearer(key.key))
      .send(body as object);
  const taskIds = async (runId: string): Promise<Map<string, string>> => {
    const rows: { id: string; item_key: string }[] = await t.dataSource.query(
      'SELECT id, item_key FROM review_tasks WHERE run_id = $1',
      [runId],
    );
    return new Map(rows.map((r) => [r.item_key, r.id]));
  };

  it('samples every group of a judged run, the judge verdict kept apart from what reviewers see', async () => {
    const rows: { stratum: string; n: number }[] = await t.dataSource.query(
      `SELECT stratum, count(*)::int AS n FROM review_tasks WHERE run_id = $1 GROUP BY stratum ORDER BY stratum`,
      [runs.tenant],
    );
    assert.deepEqual(rows, [
      { stratum: 'topic=history', n: 3 },
      { stratum: 'topic=practical', n: 6 },
      { stratum: 'topic=reasoning', n: 3 },
      { stratum: 'topic=science', n: 6 },
    ]);
    const [unsure] = await t.dataSource.query(
      `SELECT judge_label, judge_score, judge_spread FROM review_tasks WHERE run_id = $1 AND item_key = $2`,
      [runs.tenant, UNSURE.id],
    );
    // Samples 5 and 1: mean 3 passes at 3; spread (5 − 1)/(5 − 1) = 1.
    assert.deepEqual(unsure, { judge_label: 'pass', judge_score: 3, judge_spread: 1 });
  });

  it('shows a tenant-bound reviewer only that tenant’s runs, an unbound one only the operator’s', async () => {
    const own = await expectStatus<NextView>(next(keys.a1, { scenarioId: queueScenario }), 200);
    assert.equal(own.runId, runs.tenant);
    assert.equal((await next(keys.other)).status, 204);
    const operator = await expectStatus<NextView>(next(keys.operator), 200);
    assert.equal(operator.runId, runs.operator);
    const byAdmin = await expectStatus<NextView>(
      next(TEST_ADMIN_KEY, { planId: plans.operator }),
      200,
    );
    assert.equal(byAdmin.planId, plans.operator);
    // Another tenant's task is not found, not forbidden; other routes are closed to reviewers.
    assertProblem(await label(keys.other, own.id, { score: 3 }), 404);
    assertProblem(await label(keys.operator, own.id, { score: 3 }), 404);
    assertProblem(await next(keys.customer), 403);
    assertProblem(await next(keys.ml), 403);
    assertProblem(await t.http.get('/v1/runs').set(bearer(keys.a1.key)), 403);
    assertProblem(await t.http.get('/v1/models').set(bearer(keys.a1.key)), 403);
  });

  it('hands out the judge’s unsure answer first, then where judge and people disagree, then group by group', async () => {
    const scope = { scenarioId: queueScenario };
    const first = await expectStatus<NextView>(next(keys.a1, scope), 200);
    assert.equal(first.itemId, UNSURE.id);
    assert.equal(first.reason, 'judge_samples_disagree');
    assert.equal(first.question, UNSURE.input);
    assert.equal(first.answer, UNSURE.references![0]);
    assert.equal(first.reference, UNSURE.references![0]);
    assert.equal(first.rubric, DEFAULT_SINGLE_RUBRIC);
    assert.deepEqual(first.label, { kind: 'score', min: 1, max: 5, passScore: 3 });
    for (const hidden of ['judgeLabel', 'judgeScore', 'judgeId', 'judge'])
      assert.ok(!(hidden in first), `${hidden} is not shown to reviewers`);
    // a1 fails the answer the judge passed: a second person is asked about it before anything else.
    await expectStatus(label(keys.a1, first.id, { score: 1, note: 'misses the Sun' }), 201);
    const second = await expectStatus<NextView>(next(keys.a2, scope), 200);
    assert.deepEqual(
      [second.id, second.reason, second.labels],
      [first.id, 'judge_and_people_disagree', 1],
    );
    // a1 is never shown its own task again; the groups that have no label yet come first.
    const groups: string[] = [];
    for (let i = 0; i < 3; i++) {
      const task = await expectStatus<NextView>(next(keys.a1, scope), 200);
      assert.equal(task.reason, 'sampled');
      groups.push(task.group);
      // This time a1 agrees with the judge (read from the table: reviewers never see it).
      const [{ judge_label }] = await t.dataSource.query(
        'SELECT judge_label FROM review_tasks WHERE id = $1',
        [task.id],
      );
      await expectStatus(label(keys.a1, task.id, { score: judge_label === 'pass' ? 5 : 1 }), 201);
    }
    assert.deepEqual(groups.sort(), ['topic=history', 'topic=practical', 'topic=reasoning']);
    // a2 is asked about the disagreement first, then for second opinions on a1's other labels.
    assert.equal((await expectStatus<NextView>(next(keys.a2, scope), 200)).id, first.id);
    await expectStatus(label(keys.a2, first.id, { score: 2 }), 201);
    const then = await expectStatus<NextView>(next(keys.a2, scope), 200);
    assert.deepEqual([then.reason, then.labels], ['second_opinion', 1]);
    // Two people failed what the judge passed: a third opinion is wanted, from anyone else.
    const third = await expectStatus<NextView>(next(keys.a4, scope), 200);
    assert.deepEqual(
      [third.id, third.reason, third.labels],
      [first.id, 'judge_and_people_disagree', 2],
    );
  });

  it('validates labels (problem+json) and refuses a second label by the same key (409)', async () => {
    const ids = await taskIds(runs.tenant);
    const task = ids.get('oa-05')!;
    assertProblem(await label(keys.a3, task, { score: 7 }), 400, ['score']);
    assertProblem(await label(keys.a3, task, { score: 2.5 }), 400, ['score']);
    assertProblem(await label(keys.a3, task, {}), 400, ['score']);
    assertProblem(await label(keys.a3, task, { verdict: 'win' }), 400, ['verdict']);
    assertProblem(await label(keys.a3, task, { score: 4, extra: 1 }), 400);
    assertProblem(await label(keys.a3, task, { label: 4, score: 4 }), 400, ['label']);
    assertProblem(await label(keys.a3, task, { label: 'win' }), 400, ['verdict']);
    assertProblem(await label(keys.a3, task, { score: 4, note: 'x'.repeat(2001) }), 400, ['note']);
    assertProblem(await label(keys.a3, '00000000-0000-4000-8000-000000000000', { score: 4 }), 404);
    assertProblem(await label(keys.a3, 'not-a-uuid', { score: 4 }), 404);
    const stored = await expectStatus<{ label: string; score: number }>(
      label(keys.a3, task, { score: 4 }),
      201,
    );
    assert.deepEqual([stored.label, stored.score], ['pass', 4]);
    assertProblem(await label(keys.a3, task, { score: 2 }), 409);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'review_label' AND entity_id = $1`,
      [task],
    );
    assert.equal(n, 1);
    // `label` names either: a number is a score.
    const aliased = await expectStatus<{ label: string; score: number }>(
      label(keys.a4, task, { label: 2 }),
      201,
    );
    assert.deepEqual([aliased.label, aliased.score], ['fail', 2]);
  });

  it('measures agreement among people and with the judge, as statsmodels and Krippendorff (2011) do', async (context) => {
    const python = pythonWithStatsmodels();
    if (!python) return context.skip('python3 with statsmodels is not installed');
    const ids = await taskIds(runs.agreement);
    const reviewers = [keys.a1, keys.a2, keys.a3, keys.a4];
    for (const [r, row] of EXAMPLE_C.entries()) {
      for (const [u, score] of row.entries()) {
        if (score === null) continue;
        await expectStatus(label(reviewers[r], ids.get(OPEN_QUESTIONS[u].id)!, { score }), 201);
      }
    }
    // The judge passes the references (5) and oa-04 (mean 3), fails the "I do not know"s.
    const judgeVerdicts = OPEN_QUESTIONS.slice(0, 12).map((_, u) =>
      u % 3 === 2 ? 'fail' : 'pass',
    );
    const expected = runPython<{
      intervalAlpha: number;
      verdictAlpha: number;
      pairs: {
        i: number;
        j: number;
        kappa: number;
        se: number;
        low: number;
        high: number;
        n: number;
      }[];
      judge: {
        kappa: number;
        se: number;
        low: number;
        high: number;
        n: number;
        agreements: number;
      };
    }>(python, REFERENCE_SCRIPT, { scores: EXAMPLE_C, judge: judgeVerdicts, passScore: 3 });

    const { body } = await t.http
      .get('/v1/reviews/agreement')
      .query({ scenarioId: agreementScenario })
      .set(bearer(keys.ml.key))
      .expect(200);
    const close = (actual: number, wanted: number, what: string) =>
      assert.ok(Math.abs(actual - wanted) < 1e-9, `${what}: ${actual} ≠ ${wanted}`);
    assert.deepEqual([body.tasks, body.labels, body.reviewers], [12, 41, 4]);
    const { scoreAlpha, verdictAlpha, pairs } = body.people;
    assert.equal(scoreAlpha.value.toFixed(3), '0.849', 'the published interval α');
    close(scoreAlpha.value, expected.intervalAlpha, 'interval α');
    assert.deepEqual([scoreAlpha.units, scoreAlpha.pairableValues], [11, 40]);
    assert.ok(scoreAlpha.low < scoreAlpha.value && scoreAlpha.value < scoreAlpha.high);
    close(verdictAlpha.value, expected.verdictAlpha, 'nominal α on verdicts');
    const observer = new Map(reviewers.map((k, i) => [k.id, i]));
    assert.equal(pairs.length, 6);
    for (const pair of pairs) {
      const [i, j] = (pair.reviewers as string[]).map((id) => observer.get(id)!).sort();
      const want = expected.pairs.find((p) => p.i === i && p.j === j)!;
      const what = `κ of observers ${i + 1} and ${j + 1}`;
      assert.equal(pair.n, want.n, what);
      close(pair.kappa, want.kappa, what);
      close(pair.standardError, want.se, `${what} SE`);
      // Our interval is clipped to [−1, 1]; statsmodels' is not.
      close(pair.low, Math.max(-1, want.low), `${what} low`);
      close(pair.high, Math.min(1, want.high), `${what} high`);
    }
    assert.equal(body.judges.length, 1);
    const [judged] = body.judges;
    assert.deepEqual(
      [judged.n, judged.agreements, judged.withoutMajority],
      [expected.judge.n, expected.judge.agreements, 1],
    );
    close(judged.rate, expected.judge.agreements / expected.judge.n, 'agreement rate');
    close(judged.kappa.kappa, expected.judge.kappa, 'judge κ');
    close(judged.kappa.standardError, expected.judge.se, 'judge κ SE');
    close(judged.kappa.low, Math.max(-1, expected.judge.low), 'judge κ low');
    close(judged.kappa.high, Math.min(1, expected.judge.high), 'judge κ high');
    assert.equal(judged.rubric, DEFAULT_SINGLE_RUBRIC);
    assert.equal(
      judged.groups.reduce((n: number, g: { n: number }) => n + g.n, 0),
      expected.judge.n,
    );

    // Scoped: another tenant's reviewer sees none of these labels; customers may not ask.
    const scoped = await t.http
      .get('/v1/reviews/agreement')
      .query({ scenarioId: agreementScenario })
      .set(bearer(keys.other.key))
      .expect(200);
    assert.deepEqual([scoped.body.tasks, scoped.body.judges], [0, []]);
    assertProblem(
      await t.http
        .get('/v1/reviews/agreement')
        .query({ scenarioId: agreementScenario })
        .set(bearer(keys.customer.key)),
      403,
    );
    assertProblem(await t.http.get('/v1/reviews/agreement').set(admin), 400, ['scenarioId']);
    assertProblem(
      await t.http
        .get('/v1/reviews/agreement')
        .query({ scenarioId: '00000000-0000-4000-8000-000000000000' })
        .set(admin),
      404,
    );
  });
});
