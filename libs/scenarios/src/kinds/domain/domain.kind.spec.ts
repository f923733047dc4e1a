import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ScenarioItem, ScoredInstance } from '../../scenario-kind';
import { domainKind } from './domain.kind';

const context = { seed: 11 };
const parse = (input: unknown) => domainKind.configSchema.parse(input);

function row(id: string, fields: Partial<ScenarioItem>, attributes: Record<string, string> = {}) {
  return { id, input: `row ${id}`, attributes, ...fields };
}

describe('domain kind', () => {
  it('defaults to quasi-exact match and F1 with the row text as the prompt', () => {
    const config = parse({});
    assert.deepEqual(config.metrics, ['quasi_exact_match', 'f1']);
    const request = domainKind.buildRequest(row('r1', {}), config, 0);
    assert.deepEqual(request.messages, [{ role: 'user', content: 'row r1' }]);
    assert.deepEqual(
      domainKind.metrics(config).map((m) => [m.name, m.statKind, m.direction]),
      [
        ['quasi_exact_match', 'proportion', 'higher_is_better'],
        ['f1', 'mean', 'higher_is_better'],
      ],
    );
  });

  it('rejects a metric it does not know', () => {
    const result = domainKind.configSchema.safeParse({ metrics: ['bleu'] });
    assert.equal(result.success, false);
    assert.match(result.error!.issues[0].message, /metrics must be among exact_match/);
  });

  it('scores the chosen metrics against references and the label', async () => {
    const config = parse({ metrics: ['exact_match', 'f1', 'accuracy'] });
    const item = row('r2', { references: ['refund approved'], label: 'refund approved' });
    assert.deepEqual(await domainKind.score(item, 'Refund approved', config, context), {
      exact_match: 0,
      f1: 1,
      accuracy: 1,
    });
  });

  it('reads accuracy from the picked choice when the row has choices', async () => {
    const config = parse({ metrics: ['accuracy'], promptTemplate: '{input}\n{choices}' });
    const item = row('r3', { choices: ['billing', 'shipping', 'returns'], label: 'C' });
    assert.equal(
      domainKind.buildRequest(item, config, 0).messages![0].content,
      'row r3\nA. billing\nB. shipping\nC. returns',
    );
    assert.deepEqual(await domainKind.score(item, 'C) returns', config, context), { accuracy: 1 });
    assert.deepEqual(await domainKind.score(item, 'shipping', config, context), { accuracy: 0 });
  });

  it('leaves a metric null when the row cannot support it, and fails when it supports none', async () => {
    const config = parse({ metrics: ['quasi_exact_match', 'accuracy'] });
    assert.deepEqual(await domainKind.score(row('r4', { label: 'yes' }), 'Yes.', config, context), {
      quasi_exact_match: null,
      accuracy: 1,
    });
    await assert.rejects(
      domainKind.score(row('r5', {}), 'Yes', config, context),
      /item r5 has no references and no label/,
    );
  });

  it('aggregates per attribute, each metric over the rows that support it', async () => {
    const config = parse({ metrics: ['quasi_exact_match', 'accuracy'] });
    const rows = [
      row('a', { references: ['yes'], label: 'yes' }, { site: 'north' }),
      row('b', { label: 'no' }, { site: 'north' }),
      row('c', { references: ['no'] }, { site: 'south' }),
    ];
    const responses = ['yes', 'yes', 'no'];
    const instances: ScoredInstance[] = [];
    for (const [i, item] of rows.entries()) {
      const stats = await domainKind.score(item, responses[i], config, context);
      instances.push({ itemId: item.id, sample: 0, attributes: item.attributes, stats });
    }
    const values = domainKind.aggregate(instances, config, context);
    assert.deepEqual(
      values.map((v) => [v.name, v.subgroup, v.value, v.n]),
      [
        ['quasi_exact_match', 'all', 1, 2],
        ['accuracy', 'all', 0.5, 2],
        ['quasi_exact_match', 'site=north', 1, 1],
        ['accuracy', 'site=north', 0.5, 2],
        ['quasi_exact_match', 'site=south', 1, 1],
        ['accuracy', 'site=south', null, 0],
      ],
    );
  });
});
