import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AdapterConfigError, parseUrlAllowlist } from '@lastmile/adapters';
import { startChatModelServer, type ChatModelServer } from '@lastmile/fixtures';
import {
  getScenarioKind,
  judgeConfigSchema,
  judgeProvenance,
  paraphraserId,
} from '@lastmile/scenarios';
import type { RunPlan } from './run-plan';
import { resolveScenarioContext, scorerCallsPerInstance } from './scenario-context';

const planOf = (kind: string, config: unknown) =>
  ({ seed: 3, config: getScenarioKind(kind).configSchema.parse(config) }) as RunPlan;

describe('resolveScenarioContext', () => {
  let server: ChatModelServer;
  before(async () => {
    server = await startChatModelServer({
      apiKey: 'k',
      answer: (prompt) =>
        prompt.startsWith('Paraphrase') ? 'reworded' : '{"score": 4, "rationale": "ok"}',
    });
  });
  after(() => server.close());
  const model = (extra: Record<string, unknown> = {}) => ({
    kind: 'openai-chat',
    baseUrl: server.baseUrl,
    model: 'j',
    apiKeyEnv: 'LASTMILE_MODEL_KEY_TEST',
    limits: { maxRetries: 0 },
    ...extra,
  });
  const options = { urlPolicy: parseUrlAllowlist(''), env: { LASTMILE_MODEL_KEY_TEST: 'k' } };

  it('builds the judge its config names, with that judge’s id and the permitted key', async () => {
    const plan = planOf('open_answer', { judge: { model: model() } });
    const { context, close } = resolveScenarioContext(plan, options);
    const config = judgeConfigSchema.parse({ model: model() });
    assert.equal(context.judge!.id, judgeProvenance(config).id);
    assert.equal(
      await context.judge!.complete({ messages: [{ role: 'user', content: 'rate' }] }),
      '{"score": 4, "rationale": "ok"}',
    );
    assert.equal(context.paraphraser, undefined);
    await close();
  });

  it('builds the watermark kind’s paraphraser', async () => {
    const plan = planOf('watermark', { paraphrase: { model: model() } });
    const { context, close } = resolveScenarioContext(plan, options);
    assert.equal(context.paraphraser!.id, paraphraserId(model() as never));
    assert.equal(await context.paraphraser!.paraphrase('text'), 'reworded');
    await close();
  });

  it('refuses a judge whose key the environment it is given does not hold, or whose URL is not allowed', () => {
    const plan = planOf('open_answer', { judge: { model: model() } });
    assert.throws(() => resolveScenarioContext(plan, { ...options, env: {} }), AdapterConfigError);
    assert.throws(
      () =>
        resolveScenarioContext(plan, {
          ...options,
          urlPolicy: parseUrlAllowlist('api.example.com'),
        }),
      /not allowed by the URL allow-list/,
    );
  });
});

describe('scorerCallsPerInstance', () => {
  it('counts the judge’s samples (both orders when pairwise) and one paraphrase', () => {
    const m = { kind: 'openai-chat', baseUrl: 'http://127.0.0.1:9/v1', model: 'j' };
    assert.equal(scorerCallsPerInstance(planOf('open_answer', { judge: { model: m } }).config), 3);
    assert.equal(
      scorerCallsPerInstance(
        planOf('open_answer', { judge: { model: m, mode: 'pairwise', samples: 2 } }).config,
      ),
      4,
    );
    assert.equal(
      scorerCallsPerInstance(planOf('watermark', { paraphrase: { model: m } }).config),
      1,
    );
    assert.equal(scorerCallsPerInstance(planOf('qa', {}).config), 0);
  });
});
