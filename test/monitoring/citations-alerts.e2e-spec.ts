import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startChatModelServer, type ChatModelServer, type FixtureAnswer } from '@lastmile/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  createMonitoredPlan,
  planAlerts,
  planFindings,
  type MonitoredPlan,
} from './support/monitored-plan';

type Phase = 'real' | 'fabricated' | 'dead';

const REAL =
  '1. Vaswani, A., Shazeer, N., et al. (2017). Attention Is All You Need. NeurIPS. arXiv:1706.03762';
const FABRICATED =
  '1. Smith, J. (2018). Transformers for Everything. Journal of Imaginary Results. doi:10.9999/fake.2018.1';

describe('a model that starts citing papers that do not exist; a model endpoint that dies', () => {
  let t: TestApp;
  let model: ChatModelServer;
  let phase: Phase = 'real';
  let plan: MonitoredPlan;

  before(async () => {
    t = await startTestApp({ runner: true });
    model = await startChatModelServer({
      answer: (prompt): FixtureAnswer => {
        if (phase === 'dead') return { status: 503, body: '{"error":{"message":"upstream down"}}' };
        // One request fails while the model fabricates: a partial run.
        if (phase === 'fabricated' && prompt.includes('back-propagating errors'))
          return { status: 400 };
        return phase === 'real' ? REAL : FABRICATED;
      },
    });
    plan = await createMonitoredPlan(t, {
      baseUrl: model.baseUrl,
      scenario: { kind: 'hallucinated_citations', config: { prompts: 'classic' } },
      // No circuit breaker in the way: every call of the dead phase reaches the endpoint.
      limits: { circuitBreaker: { failureThreshold: 1000 } },
    });
    for (let i = 0; i < 3; i++) assert.equal((await plan.run()).status, 'succeeded');
  });

  after(async () => {
    await t.close();
    await model.close();
  });

  it('fails the run of a dead endpoint with a health alert and computes no drift from it', async () => {
    phase = 'dead';
    const run = await plan.run();
    assert.equal(run.status, 'failed');
    const alerts = await planAlerts(t, plan.planId);
    assert.equal(alerts.length, 1);
    const [health] = alerts;
    assert.deepEqual(
      [health.type, health.severity, health.status, health.metric],
      ['health', 'critical', 'open', 'run_status'],
    );
    assert.equal(health.dedupKey, `health:${plan.planId}`);
    assert.match(String(health.evidence.reason), /every model call failed \(18 × http_status\)/);
    const baselines: { run_ids: string[] }[] = await t.dataSource.query(
      'SELECT run_ids FROM baselines WHERE plan_id = $1',
      [plan.planId],
    );
    assert.ok(
      baselines.every((b) => !b.run_ids.includes(run.id)),
      'a failed run never joins a baseline',
    );

    const again = await plan.run();
    assert.equal(again.status, 'failed');
    const [repeat] = await planAlerts(t, plan.planId);
    assert.deepEqual([repeat.id, repeat.seenCount], [health.id, 2], 'one health alert per plan');
  });

  it('raises alerts on the fabricated and verified citation rates only, judged on the calls that succeeded', async () => {
    phase = 'fabricated';
    const run = await plan.run();
    assert.equal(run.status, 'partial');
    const incidents = (await planAlerts(t, plan.planId)).filter((a) => a.type !== 'health');
    assert.deepEqual(
      incidents.map((a) => a.type),
      ['drift'],
      'both rates moved on one slice: one incident',
    );
    const drift = (await planFindings(t, plan.planId)).filter((f) => f.kind !== 'health');
    assert.deepEqual(drift.map((f) => `${f.kind}:${f.metric}@${f.subgroup}`).sort(), [
      'drift:citation_fabricated_rate@all',
      'drift:citation_verified_rate@all',
    ]);
    const fabricated = drift.find((f) => f.metric === 'citation_fabricated_rate')!;
    const body = fabricated;
    const evidence = body.evidence as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.deepEqual([evidence.baseline.value, evidence.current.value], [0, 1]);
    // 17 shared items: below 30 the small-n test (sign flips of the per-item changes).
    assert.match(evidence.test, /^sign-flip-(exact|monte-carlo)$/);
    assert.equal(evidence.power.status, 'tested');
    assert.deepEqual(evidence.n, { baseline: 17, current: 17 });
    assert.equal(evidence.run.partial, true);
    assert.equal(
      evidence.run.note,
      'partial run: tested on the 17 instances that succeeded; 1 of 18 model calls failed',
    );
    assert.match(evidence.worstItems[0].responses[0], /Transformers for Everything/);
    assert.equal(evidence.worstItems[0].stats[0].fabricated, 1);
    assert.equal(body.severity, 'critical');
  });

  it('resolves the health alert after two runs that produced results', async () => {
    const health = async () => (await planAlerts(t, plan.planId)).find((a) => a.type === 'health')!;
    assert.deepEqual([(await health()).status, (await health()).cleanRuns], ['open', 1]);
    phase = 'real';
    await plan.run();
    assert.equal((await health()).status, 'resolved');
  });
});
