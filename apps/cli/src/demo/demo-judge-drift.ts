import {
  calibrationFixtureJudge,
  startChatModelServer,
  type FixtureJudgeBehaviour,
} from '@lastmile/fixtures';
import type { DemoApiClient } from './demo-api-client';
import { heading, pct, say } from './demo-printer';
import type { ApiMetric, ApiModel, ApiResource, ApiRun } from './demo-types';
import { printIncident, type IncidentDetail } from './incident-printer';
import { waitForRun } from './wait-for-run';

/**
 * A model judge watched against people: a fixture judge re-scores the built-in human-labelled
 * calibration set twice; between the runs it "drifts" (passes every answer), and the second run
 * raises a judge_drift incident naming the judge and its rubric. 72 judge calls, a few seconds.
 */
export async function judgeDriftStep(api: DemoApiClient, stamp: string): Promise<void> {
  heading('A model judge watched against people: the judge drifts, and is caught');
  let behaviour: FixtureJudgeBehaviour = 'faithful';
  const fixture = await startChatModelServer({ answer: calibrationFixtureJudge(() => behaviour) });
  try {
    say(`fixture judge (scripted, not a model) at ${fixture.baseUrl}`);
    const judge = await api.post<ApiModel>('/v1/models', {
      name: 'demo-judge-fixture',
      version: stamp,
      modality: 'text',
      adapter: {
        kind: 'openai-chat',
        baseUrl: fixture.baseUrl,
        model: 'demo-judge',
        limits: { concurrency: 16 },
      },
    });
    const scenario = await api.post<ApiResource>('/v1/scenarios', {
      name: `demo-judge-calibration-${stamp}`,
      kind: 'judge_calibration',
      config: { samples: 1 },
    });
    const plan = await api.post<ApiResource>('/v1/plans', {
      name: 'demo judge calibration',
      modelId: judge.id,
      scenarioId: scenario.id,
      baselinePolicy: { kind: 'first_n', n: 1 },
      alertPolicy: { minEffect: 0 },
    });
    say(
      'plan: the judge re-scores 36 answers people scored 1–5 (built-in calibration set); the first run is its baseline',
    );
    const agreement = async (runId: string) => {
      const metrics = await api.get<ApiMetric[]>(`/v1/runs/${runId}/metrics`);
      const get = (name: string) => metrics.find((m) => m.name === name && m.subgroup === 'all');
      const a = get('judge_human_agreement');
      const k = get('judge_human_kappa');
      say(
        `  agreement with people ${pct(a?.value)} [${pct(a?.ciLow)}, ${pct(a?.ciHigh)}], Cohen's κ ${k?.value?.toFixed(2) ?? '—'}, judge passes ${pct(get('judge_pass_rate')?.value)} (people ${pct(get('human_pass_rate')?.value)})`,
      );
    };
    const runOnce = async () => {
      const run = await api.post<ApiRun>(`/v1/plans/${plan.id}/runs`);
      await waitForRun(api, run.id, 60_000);
      const monitoring = await api.get<{ status: string; incidents?: { id: string }[] }>(
        `/v1/runs/${run.id}/monitoring?wait=60`,
      );
      return { run, monitoring };
    };
    const first = await runOnce();
    say('run 1, the judge as it was calibrated:');
    await agreement(first.run.id);
    behaviour = 'lenient';
    say("the judge's provider updates it behind the same endpoint: it now passes every answer");
    const second = await runOnce();
    say('run 2, same judge spec, same rubric:');
    await agreement(second.run.id);
    const incidents = await Promise.all(
      (second.monitoring.incidents ?? []).map((i) => api.get<IncidentDetail>(`/v1/alerts/${i.id}`)),
    );
    if (incidents.length === 0) say(`no incident (monitoring ${second.monitoring.status})`);
    for (const incident of incidents) printIncident(incident);
    say(
      'scores of open_answer scenarios judged by it would have moved with it: this incident says the judge moved, not the models',
    );
  } finally {
    await fixture.close();
  }
}
