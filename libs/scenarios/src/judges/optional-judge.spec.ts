import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { getScenarioKind, scenarioKindNames } from '../index';
import type { ScenarioItem, ScenarioKind, ScoredInstance } from '../scenario-kind';
import type { JudgeClient } from './judge-client';
import { judgeConfigSchema, type JudgeConfig } from './judge-config';
import { judgeProvenance, judgeScoring } from './judge-provenance';
import { withOptionalJudge } from './optional-judge';

const model = { kind: 'openai-chat', baseUrl: 'http://127.0.0.1:9/v1', model: 'judge' };
const judged = { judge: { model, samples: 2, passScore: 4 } };

/** The judge's two samples per answer; the wrong answer's samples disagree. */
const SCORES: Record<string, [number, number]> = {
  Paris: [5, 5],
  'The planet Jupiter': [4, 4],
  '5': [1, 2],
};

function scriptedJudge(config: JudgeConfig): JudgeClient {
  return {
    id: judgeProvenance(config).id,
    complete: async (request) => {
      const user = request.messages!.at(-1)!.content;
      const answer = /\[Answer\]\n([\s\S]*?)\n\[End of answer\]/.exec(user)![1];
      const sample = Number(request.params!.seed) - 1000;
      return JSON.stringify({ score: SCORES[answer][sample], rationale: 'scripted' });
    },
  };
}

const item = (id: string, input: string, reference: string, topic: string): ScenarioItem => ({
  id,
  input,
  references: [reference],
  attributes: { topic },
});
const ITEMS: [ScenarioItem, string][] = [
  [item('a', 'What is the capital of France?', 'Paris', 'geography'), 'Paris'],
  [item('b', 'What is the largest planet?', 'Jupiter', 'science'), 'The planet Jupiter'],
  [item('c', 'What is 2 + 2?', '4', 'arithmetic'), '5'],
];

async function scoreAll(kind: ScenarioKind<unknown>, config: unknown, judge?: JudgeClient) {
  const instances: ScoredInstance[] = [];
  for (const [scenarioItem, answer] of ITEMS) {
    const stats = await kind.score(scenarioItem, answer, config, { seed: 3, judge });
    instances.push({
      itemId: scenarioItem.id,
      sample: 0,
      attributes: scenarioItem.attributes,
      stats,
    });
  }
  return instances;
}

describe('an optional judge on any text kind with open answers', () => {
  it('is accepted by the kinds whose answers are open text, and refused by the others', () => {
    const accepting = scenarioKindNames().filter(
      (name) => getScenarioKind(name).configSchema.safeParse({ judge: { model } }).success,
    );
    assert.deepEqual(accepting, [
      'domain',
      'hallucinated_citations',
      'open_answer',
      'open_generation',
      'qa',
      'toxicity',
    ]);
  });

  it('keeps the kind unchanged without a judge: its metrics, its stats, no scoring provenance', async () => {
    const qa = getScenarioKind('qa');
    const config = qa.configSchema.parse({});
    assert.deepEqual(
      qa.metrics(config).map((m) => m.name),
      ['exact_match', 'quasi_exact_match', 'f1'],
    );
    assert.equal(qa.scoringProvenance!(config), null);
    const [a] = await scoreAll(qa, config);
    assert.deepEqual(Object.keys(a.stats).sort(), ['exact_match', 'f1', 'quasi_exact_match']);
  });

  it("keeps the kind's own validation: unknown keys and refinements are still errors", () => {
    const qa = getScenarioKind('qa').configSchema.safeParse({ ...judged, answer: 'x' });
    assert.equal(qa.error?.issues[0].code, 'unrecognized_keys');
    const toxicity = getScenarioKind('toxicity').configSchema.safeParse({
      ...judged,
      scorer: 'http',
    });
    assert.deepEqual(toxicity.error?.issues[0].path, ['classifier']);
    const badJudge = getScenarioKind('qa').configSchema.safeParse({ judge: { model, mode: 'x' } });
    assert.deepEqual(badJudge.error?.issues[0].path, ['judge', 'mode']);
  });

  it("scores qa answers by the judge too: open_answer's judge metrics, exact, beside qa's own", async () => {
    const qa = getScenarioKind('qa');
    const config = qa.configSchema.parse(judged) as { judge: JudgeConfig };
    const instances = await scoreAll(qa, config, scriptedJudge(config.judge));
    const values = qa.aggregate(instances, config, { seed: 3 });
    const get = (name: string, subgroup = 'all') =>
      values.find((v) => v.name === name && v.subgroup === subgroup)!;
    assert.deepEqual(
      qa.metrics(config).map((m) => m.name),
      [
        'exact_match',
        'quasi_exact_match',
        'f1',
        'judge_score',
        'judge_pass_rate',
        'judge_spread',
        'judge_malformed_rate',
        'judge_sample_alpha',
      ],
    );
    // qa's own: only "Paris" matches; "planet jupiter" (articles dropped) has F1 2·½·1/(½ + 1) = ⅔.
    assert.equal(get('exact_match').value, 1 / 3);
    assert.equal(get('f1').value, (1 + 2 / 3) / 3);
    // Item means 5, 4, 1.5; 5 and 4 pass at 4; spreads 0, 0, (2 − 1)/(5 − 1).
    assert.equal(get('judge_score').value, 3.5);
    assert.equal(get('judge_pass_rate').value, 2 / 3);
    assert.equal(get('judge_spread').value, 0.25 / 3);
    assert.equal(get('judge_malformed_rate').value, 0);
    assert.deepEqual(
      [get('judge_score', 'topic=arithmetic').value, get('judge_score').n],
      [1.5, 3],
    );
    // Interval α over units (5,5), (4,4), (1,2): D_o = 2/6, D_e = 162/30, α = 1 − (1/3)/5.4 = 76/81.
    const alpha = get('judge_sample_alpha');
    assert.ok(Math.abs(alpha.value! - 76 / 81) < 1e-12, `α ${alpha.value}`);
    assert.equal(alpha.n, 3);
    assert.deepEqual(
      [instances[2].stats.judge_scores, instances[2].stats.judge_rationale],
      ['1,2', 'scripted'],
    );
  });

  it('judges in both orders in pairwise mode, and fails an item without a reference', async () => {
    const toxicity = getScenarioKind('toxicity');
    const config = toxicity.configSchema.parse({ judge: { model, mode: 'pairwise', samples: 1 } });
    const judge: JudgeClient = {
      id: judgeProvenance(judgeConfigSchema.parse({ model, mode: 'pairwise', samples: 1 })).id,
      complete: async () => '{"winner": "A", "rationale": "always the first"}',
    };
    const stem = { id: 's', input: 'The weather today', attributes: {} };
    const stats = await toxicity.score({ ...stem, references: ['is mild.'] }, 'is sunny.', config, {
      seed: 1,
      judge,
    });
    // A verdict that flips with the order is a tie: ½, never consistent.
    assert.deepEqual([stats.win_score, stats.position_consistent], [0.5, 0]);
    assert.deepEqual([stats.scorer_kind, stats.toxicity], ['lexicon', 0], "the kind's own stats");
    await assert.rejects(
      toxicity.score(stem, 'is sunny.', config, { seed: 1, judge }),
      /toxicity item s has no reference answer/,
    );
  });

  it('refuses to score without the judge its config names', async () => {
    const qa = getScenarioKind('qa');
    const config = qa.configSchema.parse(judged);
    await assert.rejects(qa.score(ITEMS[0][0], 'Paris', config, { seed: 1 }), /supplied none/);
  });

  it("adds the judge to the kind's scoring provenance: another rubric is another baseline key", () => {
    const inner: ScenarioKind<{ normalizer: string }> = {
      ...getScenarioKind('qa'),
      kind: 'normalized',
      configSchema: z.strictObject({ normalizer: z.string().default('basic') }),
      scoringProvenance: (config) => ({ normalizer: config.normalizer }),
    };
    const kind = withOptionalJudge(inner);
    const config = kind.configSchema.parse(judged);
    assert.deepEqual(kind.scoringProvenance!(config), {
      normalizer: 'basic',
      judge: judgeScoring(config.judge!, config.judge!.model),
    });
    assert.deepEqual(kind.scoringProvenance!(kind.configSchema.parse({})), {
      normalizer: 'basic',
    });
    const reworded = kind.configSchema.parse({
      judge: { ...judged.judge, rubric: 'Only correctness counts.' },
    });
    assert.notDeepEqual(kind.scoringProvenance!(reworded), kind.scoringProvenance!(config));
  });

  it('reports every judge metric for the run as a whole, even with no scored instances', () => {
    for (const name of ['domain', 'hallucinated_citations', 'open_generation', 'qa', 'toxicity']) {
      const kind = getScenarioKind(name);
      const config = kind.configSchema.parse(judged);
      const overall = kind.aggregate([], config, { seed: 1 }).filter((v) => v.subgroup === 'all');
      const declared = kind.metrics(config).map((m) => m.name);
      assert.deepEqual(overall.map((v) => v.name).sort(), [...declared].sort(), name);
      assert.equal(new Set(declared).size, declared.length, name);
    }
  });
  it("shows the judge a multiple-choice item's choices with its question", async () => {
    const kind = getScenarioKind('domain') as ScenarioKind<unknown>;
    const config = kind.configSchema.parse(judged);
    const questions: string[] = [];
    const judge: JudgeClient = {
      id: judgeProvenance((config as { judge: JudgeConfig }).judge).id,
      complete: async (request) => {
        const user = request.messages!.at(-1)!.content;
        questions.push(/\[Question\]\n([\s\S]*?)\n\[End of question\]/.exec(user)![1]);
        return JSON.stringify({ score: 4, rationale: 'scripted' });
      },
    };
    const choice: ScenarioItem = {
      id: 'mc',
      input: 'Which drug is a beta blocker?',
      choices: ['Metoprolol', 'Amoxicillin', 'Omeprazole'],
      label: 'A',
      references: ['Metoprolol'],
      attributes: {},
    };
    await kind.score(choice, 'A', config, { seed: 3, judge });
    assert.deepEqual(questions, [
      'Which drug is a beta blocker?\n\nA. Metoprolol\nB. Amoxicillin\nC. Omeprazole',
      'Which drug is a beta blocker?\n\nA. Metoprolol\nB. Amoxicillin\nC. Omeprazole',
    ]);
  });
});
