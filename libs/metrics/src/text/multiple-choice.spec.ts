import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { multipleChoiceAccuracy, pickChoice } from './multiple-choice';

const CAPITALS = ['Paris', 'London', 'Berlin', 'Madrid'];

describe('pickChoice', () => {
  it('reads a label that opens the response', () => {
    for (const response of [
      'B',
      'b',
      ' (B) London',
      '[B]',
      'B) London',
      'B. London',
      '**B.** London',
      'B: London',
      'B - London',
      'B\nbecause…',
    ]) {
      assert.deepEqual(
        pickChoice(response, CAPITALS),
        { index: 1, rule: 'leading_label' },
        response,
      );
    }
  });

  it('does not read the article in "A cat" as label A', () => {
    assert.deepEqual(pickChoice('A cat is not a capital', CAPITALS), { index: null, rule: null });
  });

  it('reads the last answer statement', () => {
    assert.deepEqual(pickChoice('Not London. The answer is (C).', CAPITALS), {
      index: 2,
      rule: 'answer_statement',
    });
    assert.deepEqual(pickChoice('Answer: D because Madrid', CAPITALS), {
      index: 3,
      rule: 'answer_statement',
    });
    assert.deepEqual(pickChoice('I first thought option A, but the answer is **C**', CAPITALS), {
      index: 2,
      rule: 'answer_statement',
    });
  });

  it('does not read "the answer is a city" as label A', () => {
    assert.deepEqual(pickChoice('The answer is a city in France: Paris', CAPITALS), {
      index: 0,
      rule: 'choice_text',
    });
  });

  it('falls back to the choice text, ignoring case, punctuation and articles', () => {
    assert.deepEqual(pickChoice('berlin.', CAPITALS), { index: 2, rule: 'choice_text' });
    assert.deepEqual(pickChoice('I would say it is Madrid', CAPITALS), {
      index: 3,
      rule: 'choice_text',
    });
  });

  it('picks nothing when the text names two choices', () => {
    assert.deepEqual(pickChoice('Paris or London', CAPITALS), { index: null, rule: null });
  });

  it('prefers the longer choice that contains a shorter one', () => {
    const choices = ['New York', 'New York City', 'Boston'];
    assert.deepEqual(pickChoice('It is New York City', choices), { index: 1, rule: 'choice_text' });
  });

  it('uses custom labels', () => {
    assert.deepEqual(pickChoice('2) London', CAPITALS, { labels: ['1', '2', '3', '4'] }), {
      index: 1,
      rule: 'leading_label',
    });
  });

  it('picks nothing from empty, punctuation-only or unrelated text', () => {
    for (const response of ['', '...', 'Je ne sais pas']) {
      assert.deepEqual(pickChoice(response, CAPITALS), { index: null, rule: null });
    }
  });

  it('matches unicode choice text', () => {
    assert.deepEqual(pickChoice('Ich wähle München!', ['Köln', 'München']), {
      index: 1,
      rule: 'choice_text',
    });
  });

  it('rejects label lists of the wrong length', () => {
    assert.throws(() => pickChoice('A', CAPITALS, { labels: ['A'] }), RangeError);
  });
});

describe('multipleChoiceAccuracy', () => {
  it('is 1 for the correct pick and 0 for a wrong pick or no pick', () => {
    assert.equal(multipleChoiceAccuracy('(A)', CAPITALS, 0), 1);
    assert.equal(multipleChoiceAccuracy('(B)', CAPITALS, 0), 0);
    assert.equal(multipleChoiceAccuracy('', CAPITALS, 0), 0);
  });

  it('rejects a correct index outside the choices', () => {
    assert.throws(() => multipleChoiceAccuracy('A', CAPITALS, 4), RangeError);
  });
});
