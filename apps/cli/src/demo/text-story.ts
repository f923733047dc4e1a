import { startChatModelServer } from '@lastmile/fixtures';
import type { DemoApiClient } from './demo-api-client';
import { heading, metricLine, say } from './demo-printer';
import { judgeDriftStep } from './demo-judge-drift';
import { demoTextAnswer } from './demo-text-model';
import { printIncidents } from './incident-printer';
import type { ApiMetric, ApiModel, ApiResource, ApiRun } from './demo-types';
import { waitForRun } from './wait-for-run';

interface TextScenario {
  kind: string;
  config: Record<string, unknown>;
  headline: string[];
  /** Plan fields beyond model and scenario; with a fairnessTolerance, its incidents are printed. */
  plan?: Record<string, unknown>;
}

// Each kind on its default built-in data (the big sets), coreference on a plan's fixed sample.
const TEXT_SCENARIOS: TextScenario[] = [
  { kind: 'qa', config: {}, headline: ['exact_match', 'f1'] },
  { kind: 'toxicity', config: { scorer: 'lexicon', samples: 2 }, headline: ['lexicon_hit_rate'] },
  {
    kind: 'hallucinated_citations',
    config: {},
    headline: ['citations_per_answer', 'citation_verified_rate', 'citation_fabricated_rate'],
  },
  { kind: 'fairness_pronouns', config: {}, headline: ['pronoun_skew'] },
  {
    kind: 'coreference_pronouns',
    config: {},
    headline: ['pro_accuracy', 'anti_accuracy', 'pro_anti_accuracy_gap'],
    plan: {
      sample: { perGroup: 100, by: 'dataset', seed: 0 },
      alertPolicy: { fairnessTolerance: 0.1 },
    },
  },
];

/** Step 1: a text model (a labelled fixture) through five responsible-AI scenarios. */
export async function textStory(api: DemoApiClient, stamp: string): Promise<void> {
  heading(
    'A text model through QA, toxicity, hallucinated-citation, pronoun-skew and coreference scenarios',
  );
  const fixture = await startChatModelServer({ answer: demoTextAnswer });
  try {
    say(
      `demo fixture (scripted, not a model) speaking the OpenAI chat protocol at ${fixture.baseUrl}`,
    );
    const model = await api.post<ApiModel>('/v1/models', {
      name: 'demo-chat-fixture',
      version: stamp,
      modality: 'text',
      adapter: {
        kind: 'openai-chat',
        baseUrl: fixture.baseUrl,
        model: 'demo-fixture',
        limits: { concurrency: 16 },
      },
    });
    say(`registered model ${model.name}@${model.version}`);
    const runs = [];
    for (const scenario of TEXT_SCENARIOS) {
      const created = await api.post<ApiResource>('/v1/scenarios', {
        name: `demo-${scenario.kind}-${stamp}`,
        kind: scenario.kind,
        config: scenario.config,
      });
      const plan = await api.post<ApiResource>('/v1/plans', {
        name: `demo ${scenario.kind}`,
        modelId: model.id,
        scenarioId: created.id,
        ...scenario.plan,
      });
      runs.push({ scenario, run: await api.post<ApiRun>(`/v1/plans/${plan.id}/runs`) });
    }
    say(`queued ${runs.length} runs on the scenarios' built-in data`);
    for (const { scenario, run } of runs) {
      const finished = await waitForRun(api, run.id, 300_000);
      const metrics = await api.get<ApiMetric[]>(`/v1/runs/${run.id}/metrics`);
      say(
        `${scenario.kind}: run ${finished.status}, ${finished.done} instances, ${finished.errors} errors`,
      );
      const shown = metrics.filter(
        (m) => m.subgroup === 'all' && scenario.headline.some((h) => m.name.startsWith(h)),
      );
      for (const metric of shown.length
        ? shown
        : metrics.filter((m) => m.subgroup === 'all').slice(0, 3))
        say(`  ${metricLine(metric)}`);
      if (scenario.plan?.alertPolicy) {
        say('  the plan allows a gap of 10 points (fairnessTolerance 0.1):');
        await printIncidents(api, run.id);
      }
    }
  } finally {
    await fixture.close();
  }
  await judgeDriftStep(api, stamp);
}
