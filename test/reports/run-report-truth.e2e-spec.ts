import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import { getScenarioKind } from '@lastmile/scenarios';
import { jsonl } from '@lastmile/slices/testing';
import { tenantBody } from '../factories/api-bodies';
import { createMonitoredPlan, type MonitoredPlan } from '../monitoring/support/monitored-plan';
import { bearer, startTestApp, TEST_ADMIN_KEY, type TestApp } from '../support/test-app';

const admin = bearer(TEST_ADMIN_KEY);

/** Code-word questions: w1–w6 about geography, w7–w12 about history; h1–h6 recorded over a hum. */
const word = (id: string, attributes: Record<string, string>) => ({
  id,
  input: `What is code word ${id}?`,
  references: [`word-${id}`],
  attributes,
});
const ORIGINAL = Array.from({ length: 12 }, (_, i) =>
  word(`w${i + 1}`, { topic: i < 6 ? 'geography' : 'history' }),
);
const HUM = Array.from({ length: 6 }, (_, i) => word(`h${i + 1}`, { noise: 'hum' }));

/** Right on every question, or (hum) wrong on history and on everything recorded over the hum. */
let mode: 'right' | 'hum' = 'right';
const answer = (prompt: string) => {
  const id = /code word (\w+)\?/.exec(prompt)?.[1] ?? '?';
  if (mode === 'hum' && (id.startsWith('h') || Number(id.slice(1)) > 6)) return 'I do not know';
  return `word-${id}`;
};

interface ComparisonRow {
  slice: string;
  metric: string;
  subgroup: string;
  baseline: string;
  baselineRuns: string;
  current: string;
  change: string;
  changeClass: string;
  finding: string;
}

const text = (html: string) =>
  html
    .replace(/<br>/g, ' | ')
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .trim();

/** The rows of the report's comparison table, as text. */
function comparisonRows(html: string): ComparisonRow[] {
  const table = /<table class="comparisons">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr><td>([\s\S]*?)<\/tr>/g)].map(([row]) => {
    const cells = [...row.matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/g)];
    const title = /title="baseline runs: ([^"]*)"/.exec(row)?.[1] ?? '';
    return {
      slice: text(cells[0][2]),
      metric: text(cells[1][2]),
      subgroup: text(cells[2][2]),
      baseline: text(cells[3][2]),
      baselineRuns: title,
      current: text(cells[4][2]),
      change: text(cells[5][2]),
      changeClass: /class="num ([a-z]+)"/.exec(cells[5][1])?.[1] ?? '',
      finding: text(cells[6][2]),
    };
  });
}

const notes = (html: string) =>
  [...html.matchAll(/<p class="note">(.*?)<\/p>/g)].map((m) => text(m[1]));

describe('the run report tells the truth', () => {
  let t: TestApp;
  let model: ChatModelServer;

  before(async () => {
    t = await startTestApp({ runner: true });
    model = await startChatModelServer({ answer });
  });
  after(async () => {
    await t.close();
    await model.close();
  });

  const report = async (runId: string) =>
    (await t.http.get(`/v1/runs/${runId}/report`).set(admin).expect(200)).text;

  const upload = async (tenant: string, rows: unknown[]) =>
    (
      await t.http
        .post(`/v1/tenants/${tenant}/slices`)
        .set(admin)
        .field('name', 'ward-words')
        .attach('file', jsonl(rows), 'rows.jsonl')
        .expect(201)
    ).body as { id: string; version: number };

  describe('a new slice version checked against the earlier version’s baseline (the demo’s case)', () => {
    let plan: MonitoredPlan;
    let baselineRuns: string[];
    let runId: string;
    let v1: { id: string };
    let html: string;

    before(async () => {
      mode = 'right';
      const tenant = (await t.http.post('/v1/tenants').set(admin).send(tenantBody()).expect(201))
        .body.slug;
      v1 = await upload(tenant, ORIGINAL);
      plan = await createMonitoredPlan(t, {
        baseUrl: model.baseUrl,
        scenario: { kind: 'qa' },
        plan: {
          tenant,
          sliceIds: [v1.id],
          baselinePolicy: { kind: 'first_n', n: 2, compareAcrossVersions: true },
        },
      });
      baselineRuns = [(await plan.run()).id, (await plan.run()).id];
      const v2 = await upload(tenant, [...ORIGINAL, ...HUM]);
      assert.equal(v2.version, 2);
      await t.http
        .patch(`/v1/plans/${plan.planId}`)
        .set(admin)
        .send({ sliceIds: [v2.id] })
        .expect(200);
      mode = 'hum';
      runId = (await plan.run()).id;
      html = await report(runId);
    });

    it('says the runs that built the baseline were compared with none', async () => {
      for (const id of baselineRuns) {
        const page = await report(id);
        assert.deepEqual(notes(page), [
          "No baseline: the plan had no complete baseline for this run (the plan's first 2 runs of a version build its baseline), so it was compared with none.",
        ]);
        assert.deepEqual(comparisonRows(page), []);
      }
    });

    it('compares the run with the baseline of v1 that the monitor used, with exact values', () => {
      const rows = comparisonRows(html);
      const row = (metric: string, subgroup: string) => {
        const found = rows.find((r) => r.metric === metric && r.subgroup === subgroup);
        assert.ok(found, `${metric} ${subgroup} is compared`);
        return found;
      };
      const from = '2 runs of ward-words v1, first_n, an earlier version';
      // Wilson 95% intervals: 12 of 12 items right in the baseline; 6 of 18 now.
      assert.deepEqual(row('exact_match', 'all'), {
        slice: 'ward-words v2',
        metric: 'exact_match',
        subgroup: 'all',
        baseline: `100.0% [75.8%, 100.0%] | ${from}`,
        baselineRuns: baselineRuns.join(', '),
        current: '33.3% [16.3%, 56.3%] | n=18',
        change: '-66.7 pp',
        changeClass: 'worse',
        finding: 'drift',
      });
      assert.deepEqual(row('exact_match', 'topic=history'), {
        slice: 'ward-words v2',
        metric: 'exact_match',
        subgroup: 'topic=history',
        baseline: `100.0% [61.0%, 100.0%] | ${from}`,
        baselineRuns: baselineRuns.join(', '),
        current: '0.0% [0.0%, 39.0%] | n=6',
        change: '-100.0 pp',
        changeClass: 'worse',
        finding: 'disparity_drift, drift',
      });
      // f1 is a score: never a percent.
      assert.match(row('f1', 'all').baseline, /^1\.000 /);
      assert.match(row('f1', 'all').current, /^0\.333 /);
      assert.equal(row('f1', 'all').change, '-0.667');
    });

    it('shows a change of exactly zero as neither better nor worse', () => {
      const geography = comparisonRows(html).filter((r) => r.subgroup === 'topic=geography');
      assert.deepEqual(
        geography.map((r) => [r.metric, r.change, r.changeClass]),
        [
          ['exact_match', '0.0 pp', 'same'],
          ['quasi_exact_match', '0.0 pp', 'same'],
          ['f1', '0.000', 'same'],
        ],
      );
    });

    it('never compares the run with a baseline that holds it, and says which groups had none', async () => {
      const own: { subgroup: string; run_ids: string[] }[] = await t.dataSource.query(
        `SELECT subgroup, run_ids FROM baselines WHERE plan_id = $1 AND $2 = ANY(run_ids)`,
        [plan.planId, runId],
      );
      // The trap: the new group's own baseline, made of this run alone.
      assert.deepEqual([...new Set(own.map((b) => b.subgroup))], ['noise=hum']);
      assert.ok(own.every((b) => b.run_ids.length === 1));
      const recorded: { run_ids: string[]; baseline_slice_id: string }[] = await t.dataSource.query(
        'SELECT run_ids, baseline_slice_id FROM run_comparisons WHERE run_id = $1',
        [runId],
      );
      assert.ok(recorded.length > 0);
      for (const row of recorded) {
        assert.deepEqual(row.run_ids, baselineRuns);
        assert.equal(row.baseline_slice_id, v1.id);
      }
      const rows = comparisonRows(html);
      assert.equal(rows.length, recorded.length);
      assert.ok(rows.every((r) => r.subgroup !== 'noise=hum' && !r.baselineRuns.includes(runId)));
      assert.deepEqual(notes(html), [
        'Not compared, no complete baseline for them yet: noise=hum.',
      ]);
    });

    it('lists every incident of the run with each finding’s test, p, q and effect', async () => {
      const { body: monitoring } = await t.http
        .get(`/v1/runs/${runId}/monitoring`)
        .set(admin)
        .expect(200);
      assert.deepEqual(
        monitoring.incidents.map((i: { type: string; findings: number }) => [i.type, i.findings]),
        [
          ['drift', 6],
          ['disparity_drift', 3],
        ],
      );
      for (const incident of monitoring.incidents)
        assert.ok(html.includes(`Incident <code>${incident.id}</code>`), incident.type);
      const findings: {
        kind: string;
        metric: string;
        subgroup: string;
        severity: string;
        test: string;
        p_value: number;
        q_value: number;
        effect: number;
      }[] = await t.dataSource.query(
        'SELECT kind, metric, subgroup, severity, test, p_value, q_value, effect FROM findings WHERE run_id = $1',
        [runId],
      );
      assert.equal(
        findings.length,
        monitoring.incidents.reduce((n: number, i: { findings: number }) => n + i.findings, 0),
      );
      const table = [...html.matchAll(/<table class="findings">([\s\S]*?)<\/table>/g)]
        .map((m) => m[1])
        .join('');
      const shown = [...table.matchAll(/<tr><td>([\s\S]*?)<\/tr>/g)].map(([row]) =>
        [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => text(c[1])),
      );
      assert.equal(shown.length, findings.length);
      for (const f of findings) {
        const row = shown.find((r) => r[0] === f.kind && r[1] === f.metric && r[2] === f.subgroup);
        assert.ok(row, `${f.kind} ${f.metric} ${f.subgroup} is listed`);
        assert.deepEqual(row.slice(6, 9), [
          f.test,
          f.p_value.toPrecision(3),
          f.q_value.toPrecision(3),
        ]);
      }
      // The paired test on the 12 items both versions hold: 6 of them now wrong.
      const overall = shown.find(
        (r) => r[0] === 'drift' && r[1] === 'exact_match' && r[2] === 'all',
      );
      assert.deepEqual(overall, [
        'drift',
        'exact_match',
        'all',
        'critical',
        '100.0% → 50.0%',
        '12',
        'sign-flip-exact',
        // Every one of the 12 paired differences is worse by more than minEffect: only the
        // observed signs of 2^12 reach it.
        (1 / 4096).toPrecision(3),
        overall![8],
        '50.0 pp',
      ]);
    });

    it('shows the tests short of power with their n and MDE', async () => {
      const run = (await t.http.get(`/v1/runs/${runId}`).set(admin).expect(200)).body;
      const underpowered = run.monitoring.underpowered as {
        kind: string;
        metric: string;
        subgroup: string;
        n: number;
        mde: number;
      }[];
      const section = /<table class="underpowered">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
      const shown = [...section.matchAll(/<tr><td>([\s\S]*?)<\/tr>/g)].map(([row]) =>
        [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => text(c[1])),
      );
      const mde = (metric: string, value: number) =>
        metric === 'f1' ? value.toFixed(3) : `${(value * 100).toFixed(1)} pp`;
      assert.deepEqual(
        shown.map((r) => r.slice(1, 6)),
        underpowered.map((u) => [u.kind, u.metric, u.subgroup, String(u.n), mde(u.metric, u.mde)]),
      );
      // The paired test of all items has the 12 both versions hold; each topic has 6.
      assert.deepEqual(
        [...new Set(underpowered.map((u) => `${u.kind} ${u.subgroup} n=${u.n}`))],
        [
          'drift all n=12',
          'disparity_drift topic=geography n=6',
          'disparity_drift topic=history n=6',
        ],
      );
    });

    it('gives every metric of the run its unit in the API', async () => {
      const { body } = await t.http.get(`/v1/runs/${runId}/metrics`).set(admin).expect(200);
      const units = Object.fromEntries(
        body
          .filter((m: { subgroup: string }) => m.subgroup === 'all')
          .map((m: { name: string; unit: string }) => [m.name, m.unit]),
      );
      assert.deepEqual(units, { exact_match: 'rate', f1: 'score', quasi_exact_match: 'rate' });
    });
  });

  describe('a rolling baseline the run joins afterwards', () => {
    it('compares the run with the runs before it, not with the baseline it then joined', async () => {
      mode = 'right';
      const plan = await createMonitoredPlan(t, {
        baseUrl: model.baseUrl,
        scenario: { kind: 'qa', config: { questions: 'general_knowledge' } },
        plan: { baselinePolicy: { kind: 'rolling', window: 2 } },
      });
      const before = [(await plan.run()).id, (await plan.run()).id];
      const run = await plan.run();
      const joined: { run_ids: string[] }[] = await t.dataSource.query(
        `SELECT run_ids FROM baselines WHERE plan_id = $1 AND metric = 'exact_match' AND subgroup = 'all'`,
        [plan.planId],
      );
      assert.deepEqual(joined[0].run_ids, [before[1], run.id], 'the run has joined the baseline');
      const rows = comparisonRows(await report(run.id));
      const overall = rows.find((r) => r.metric === 'exact_match' && r.subgroup === 'all');
      assert.equal(overall?.baselineRuns, before.join(', '));
      assert.deepEqual([overall?.change, overall?.changeClass], ['0.0 pp', 'same']);
      assert.ok(rows.length > 0 && rows.every((r) => !r.baselineRuns.includes(run.id)));
    });
  });

  describe('counts', () => {
    it('shows citations per answer as a count, never as a percent, in a run with no baseline', async () => {
      const kind = getScenarioKind('hallucinated_citations');
      const twice = kind.builtinItems!(kind.configSchema.parse({ prompts: 'classic' }))
        .slice(0, 3)
        .map((item) => item.input!);
      const real =
        '1. Vaswani, A., Shazeer, N., et al. (2017). Attention Is All You Need. NeurIPS. arXiv:1706.03762';
      const bert =
        '2. Devlin, J., Chang, M.-W., Lee, K., Toutanova, K. (2019). BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding. NAACL. arXiv:1810.04805';
      const citing = await startChatModelServer({
        answer: (prompt) => (twice.some((q) => prompt.includes(q)) ? `${real}\n${bert}` : real),
      });
      try {
        const plan = await createMonitoredPlan(t, {
          baseUrl: citing.baseUrl,
          scenario: { kind: 'hallucinated_citations', config: { prompts: 'classic' } },
        });
        const run = await plan.run();
        const page = await report(run.id);
        // 21 citations over 18 answers.
        assert.match(
          page,
          /<td>citations_per_answer<\/td><td class="num">1\.17<\/td><td class="num">\[\d\.\d\d, \d\.\d\d\]<\/td><td class="num">18<\/td>/,
        );
        assert.match(page, /<td>citation_verified_rate<\/td><td class="num">100\.0%<\/td>/);
        assert.doesNotMatch(page, /116\.7%/);
        assert.deepEqual(notes(page), [
          "No baseline: the plan had no complete baseline for this run (the plan's first 3 runs of a version build its baseline), so it was compared with none.",
        ]);
        const { body } = await t.http.get(`/v1/runs/${run.id}/metrics`).set(admin).expect(200);
        const perAnswer = body.find(
          (m: { name: string; subgroup: string }) =>
            m.name === 'citations_per_answer' && m.subgroup === 'all',
        );
        assert.deepEqual([perAnswer.value, perAnswer.unit], [21 / 18, 'count']);
      } finally {
        await citing.close();
      }
    });
  });
});
