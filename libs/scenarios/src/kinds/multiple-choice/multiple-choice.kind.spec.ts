import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ScenarioItem, ScoredInstance } from '../../scenario-kind';
import { correctIndex } from '../../support/choices';
import { multipleChoiceKind } from './multiple-choice.kind';

// The hand-written questions, named: the default is every built-in set.
const config = multipleChoiceKind.configSchema.parse({ questions: 'general_knowledge' });
const context = { seed: 3 };
const capitals: ScenarioItem = {
  id: 'cap',
  input: 'What is the capital of Australia?',
  choices: ['Sydney', 'Canberra', 'Melbourne', 'Perth'],
  label: 'B',
  attributes: { topic: 'geography' },
};

describe('multiple_choice kind', () => {
  it('lists the choices with letters in the prompt', () => {
    const request = multipleChoiceKind.buildRequest(capitals, config, 0);
    assert.equal(
      request.messages![0].content,
      'Answer the multiple-choice question with the letter of the correct option only.\n\n' +
        'Question: What is the capital of Australia?\nA. Sydney\nB. Canberra\nC. Melbourne\nD. Perth\nAnswer:',
    );
  });

  it('reads the picked letter, an answer statement or the choice text', async () => {
    const score = (response: string) =>
      multipleChoiceKind.score(capitals, response, config, context);
    assert.deepEqual(await score('B'), { accuracy: 1, picked: 'B', pick_rule: 'leading_label' });
    assert.deepEqual(await score('I think the answer is (A).'), {
      accuracy: 0,
      picked: 'A',
      pick_rule: 'answer_statement',
    });
    assert.deepEqual(await score('Canberra'), {
      accuracy: 1,
      picked: 'B',
      pick_rule: 'choice_text',
    });
    assert.deepEqual(await score('No idea'), { accuracy: 0, picked: null, pick_rule: null });
  });

  it('accepts the correct choice given as its text and rejects a label that is neither', () => {
    assert.equal(correctIndex({ ...capitals, label: 'Canberra' }), 1);
    assert.throws(() => correctIndex({ ...capitals, label: 'Darwin' }), /neither a letter/);
  });

  it('aggregates accuracy overall and per topic', async () => {
    const other: ScenarioItem = { ...capitals, id: 'cap2', attributes: { topic: 'history' } };
    const instances: ScoredInstance[] = [
      {
        itemId: 'cap',
        sample: 0,
        attributes: capitals.attributes,
        stats: await multipleChoiceKind.score(capitals, 'B', config, context),
      },
      {
        itemId: 'cap2',
        sample: 0,
        attributes: other.attributes,
        stats: await multipleChoiceKind.score(other, 'C', config, context),
      },
    ];
    const values = multipleChoiceKind.aggregate(instances, config, context);
    assert.deepEqual(
      values.map((v) => [v.subgroup, v.value, v.n]),
      [
        ['all', 0.5, 2],
        ['topic=geography', 1, 1],
        ['topic=history', 0, 1],
      ],
    );
  });

  it('ships items whose labels name one of four choices, spread over A–D', () => {
    const items = multipleChoiceKind.builtinItems!(config);
    assert.ok(items.length >= 20);
    const letters = new Map<string, number>();
    for (const item of items) {
      assert.equal(item.choices!.length, 4);
      letters.set(item.label!, (letters.get(item.label!) ?? 0) + 1);
    }
    assert.deepEqual([...letters.keys()].sort(), ['A', 'B', 'C', 'D']);
    for (const count of letters.values()) assert.ok(count >= 5);
  });

  it('runs hand-written and 320 synthetic four-choice questions with computed answers by default', () => {
    const items = multipleChoiceKind.builtinItems!(
      multipleChoiceKind.configSchema.parse({ questions: 'synthetic' }),
    );
    assert.equal(items.length, 320);
    assert.ok(items.every((i) => i.choices!.length === 4 && i.attributes.source === 'synthetic'));
    const all = multipleChoiceKind.builtinItems!(multipleChoiceKind.configSchema.parse({}));
    assert.equal(all.length, 24 + 320);
  });
});
