import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ScenarioItem, ScoredInstance } from '../../scenario-kind';
import { qaKind } from './qa.kind';

// The hand-written questions, named: the default is every built-in set.
const config = qaKind.configSchema.parse({ questions: 'general_knowledge' });
const context = { seed: 7 };

function item(id: string, references: string[], topic: string): ScenarioItem {
  return { id, input: `question ${id}`, references, attributes: { topic } };
}

async function scored(it: ScenarioItem, response: string): Promise<ScoredInstance> {
  const stats = await qaKind.score(it, response, config, context);
  return { itemId: it.id, sample: 0, attributes: it.attributes, stats };
}

describe('qa kind', () => {
  it('accepts an empty config and fills in defaults', () => {
    assert.equal(config.answerExtraction, 'first_line');
    assert.deepEqual(config.params, { temperature: 0, max_tokens: 32 });
  });

  it('rejects unknown keys and unknown template placeholders with clear messages', () => {
    const unknown = qaKind.configSchema.safeParse({ temprature: 0 });
    assert.equal(unknown.success, false);
    assert.match(unknown.error!.issues[0].message, /temprature/);
    const typo = qaKind.configSchema.safeParse({ promptTemplate: 'Q: {qestion}' });
    assert.equal(typo.success, false);
    const messages = typo.error!.issues.map((i) => i.message).join('; ');
    assert.match(messages, /unknown placeholder \{qestion\}/);
    assert.match(messages, /must contain \{question\}/);
  });

  it('builds one chat message from the template and passes decoding params', () => {
    const request = qaKind.buildRequest(item('q1', ['Paris'], 'geo'), config, 0);
    assert.deepEqual(request.messages, [
      {
        role: 'user',
        content:
          'Answer the question with a short answer only, no explanation.\nQuestion: question q1\nAnswer:',
      },
    ]);
    assert.deepEqual(request.params, { temperature: 0, max_tokens: 32 });
  });

  it('scores the first line with exact match, quasi-exact match and token F1', async () => {
    const armstrong = item('q2', ['Neil Armstrong', 'Armstrong'], 'history');
    assert.deepEqual((await scored(armstrong, 'Neil Armstrong')).stats, {
      exact_match: 1,
      quasi_exact_match: 1,
      f1: 1,
    });
    assert.deepEqual((await scored(armstrong, 'neil armstrong.\nHe landed in 1969.')).stats, {
      exact_match: 0,
      quasi_exact_match: 1,
      f1: 1,
    });
    // 5 predicted tokens, 2 shared with "neil armstrong": P = 2/5, R = 1, F1 = 4/7.
    const partial = (await scored(armstrong, 'Buzz Aldrin and Neil Armstrong')).stats;
    assert.equal(partial.exact_match, 0);
    assert.equal(partial.quasi_exact_match, 0);
    assert.ok(Math.abs((partial.f1 as number) - 4 / 7) < 1e-12);
  });

  it('refuses to score an item without references', async () => {
    await assert.rejects(qaKind.score(item('q3', [], 'x'), 'Paris', config, context), /q3/);
  });

  it('aggregates overall and per topic, counting only items that were scored', async () => {
    const instances = [
      await scored(item('a', ['Paris'], 'geo'), 'Paris'),
      await scored(item('b', ['Tokyo'], 'geo'), 'Kyoto'),
      await scored(item('c', ['Au'], 'sci'), 'au'),
      await scored(item('d', ['H2O'], 'sci'), 'H2O'),
    ];
    const values = qaKind.aggregate(instances, config, context);
    const find = (name: string, subgroup: string) =>
      values.find((v) => v.name === name && v.subgroup === subgroup)!;
    const em = find('exact_match', 'all');
    assert.equal(em.value, 0.5);
    assert.equal(em.n, 4);
    // Wilson 95% for 2 of 4: 0.5 ± 0.34996.
    assert.ok(Math.abs(em.ciLow! - 0.15004) < 1e-4 && Math.abs(em.ciHigh! - 0.84996) < 1e-4);
    assert.equal(find('quasi_exact_match', 'all').value, 0.75);
    assert.deepEqual(
      { value: find('exact_match', 'topic=geo').value, n: find('exact_match', 'topic=geo').n },
      { value: 0.5, n: 2 },
    );
    assert.equal(find('quasi_exact_match', 'topic=sci').value, 1);
    const f1 = find('f1', 'all');
    assert.equal(f1.value, 0.75);
    assert.ok(f1.ciLow! >= 0 && f1.ciLow! <= 0.75 && f1.ciHigh! >= 0.75 && f1.ciHigh! <= 1);
    assert.equal(values.length, 3 * 3);
  });

  it('reports n = 0 and no value when every item errored', () => {
    const values = qaKind.aggregate([], config, context);
    assert.deepEqual(
      values.find((v) => v.name === 'exact_match'),
      {
        name: 'exact_match',
        subgroup: 'all',
        value: null,
        ciLow: null,
        ciHigh: null,
        n: 0,
      },
    );
  });

  it('ships unambiguous built-in questions, each with a reference and a topic', () => {
    const items = qaKind.builtinItems!(config);
    assert.ok(items.length >= 30);
    assert.equal(new Set(items.map((i) => i.id)).size, items.length);
    for (const i of items) assert.ok(i.references!.length > 0 && i.attributes.topic);
  });

  it('runs hand-written and 320 synthetic questions by default, and samples them by topic the same way each time', () => {
    const synthetic = qaKind.builtinItems!(qaKind.configSchema.parse({ questions: 'synthetic' }));
    assert.equal(synthetic.length, 320);
    assert.ok(synthetic.every((i) => i.attributes.source === 'synthetic'));
    const all = qaKind.builtinItems!(qaKind.configSchema.parse({}));
    assert.equal(all.length, 33 + 320);
    assert.deepEqual(
      [...new Set(all.map((i) => i.attributes.source))],
      ['handwritten', 'synthetic'],
    );
    const sampled = qaKind.configSchema.parse({
      questions: 'synthetic',
      sample: { perGroup: 10, by: 'topic', seed: 2 },
    });
    assert.equal(qaKind.builtinItems!(sampled).length, 40);
    assert.deepEqual(qaKind.builtinItems!(sampled), qaKind.builtinItems!(sampled));
    // An unparsed config (the demo model passes {}) means the default, every set.
    assert.equal(qaKind.builtinItems!({} as never).length, all.length);
  });
});
