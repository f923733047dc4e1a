import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { canonicalPredicate, checkVocabulary, matchesPredicate } from './predicate';
import { PredicateError } from './predicate-error';
import { parsePredicate, PREDICATE_LIMITS } from './predicate-parser';

const matches = (source: string, attributes: Record<string, string>) =>
  matchesPredicate(parsePredicate(source), attributes);

/** The position and reason of the refusal. */
function refusal(source: string): { position: number; reason: string } {
  try {
    parsePredicate(source);
  } catch (error) {
    assert.ok(error instanceof PredicateError, String(error));
    return { position: error.position, reason: error.reason };
  }
  assert.fail(`${source} was accepted`);
}

describe('subset predicates', () => {
  const item = { accent: 'en-029', noise: 'hum', device: 'phone' };

  it('selects items by equality, inequality and lists, quoted or bare', () => {
    assert.equal(matches('accent = "en-029" AND noise != "none"', item), true);
    assert.equal(matches('accent = en-029 AND noise != hum', item), false);
    assert.equal(matches('accent IN ("en-us", en-029)', item), true);
    assert.equal(matches('accent NOT IN (en-us, en-gb)', item), true);
    assert.equal(matches('not (accent = en-029 or device = phone)', item), false);
    assert.equal(matches('accent = en-us OR noise = hum AND device = phone', item), true);
  });

  it('binds AND tighter than OR, and NOT tighter than both', () => {
    // (false) OR (true AND false) = false; without precedence it would read (false OR true) AND false.
    assert.equal(matches('accent = en-us OR noise = hum AND device = tablet', item), false);
    assert.equal(matches('NOT accent = en-us AND device = phone', item), true);
  });

  it('treats a missing attribute as never equal, so != and NOT IN match it', () => {
    assert.equal(matches('gender = f', item), false);
    assert.equal(matches('gender != f', item), true);
    assert.equal(matches('gender NOT IN (f, m)', item), true);
  });

  it('spells a subset one way whatever its order, keyword case and quoting', () => {
    const a = canonicalPredicate(
      parsePredicate('noise != none and accent in (en-029, "en-029", en-gb)'),
    );
    const b = canonicalPredicate(
      parsePredicate('ACCENT_X = 1 or (accent IN (en-gb, en-029) AND noise != "none")'),
    );
    assert.equal(a, 'accent IN ("en-029", "en-gb") AND noise != "none"');
    assert.equal(b, '(accent IN ("en-029", "en-gb") AND noise != "none") OR ACCENT_X = "1"');
    assert.equal(
      canonicalPredicate(parsePredicate('not (a = 1 or b = 2)')),
      'NOT (a = "1" OR b = "2")',
    );
    assert.equal(
      canonicalPredicate(parsePredicate('"in" = "say \\"hi\\""')),
      '"in" = "say \\"hi\\""',
    );
  });

  it('refuses bad input naming the position of the problem', () => {
    assert.deepEqual(refusal('accent = '), {
      position: 9,
      reason:
        'expected a value (a name such as en-029, or a "quoted string"), found the end of the predicate',
    });
    assert.equal(refusal('accent == x').position, 8);
    assert.equal(refusal('accent = x AND').position, 14);
    assert.equal(refusal('(accent = x').position, 11);
    assert.match(refusal('(accent = x').reason, /to close the "\(" at position 0/);
    assert.equal(refusal('accent = "x').position, 9);
    assert.equal(refusal('accent ~ x').position, 7);
    assert.equal(refusal('accent = x y').position, 11);
    assert.equal(refusal('accent IN ()').position, 11);
    assert.equal(refusal('accent ! x').position, 7);
    assert.equal(refusal('accent = "a\\nb"').position, 11);
    assert.equal(refusal('').position, 0);
  });

  it('holds the limits on length, conditions, nesting and lists', () => {
    assert.match(refusal('a = b OR '.repeat(120) + 'a = b').reason, /at most 1000 characters/);
    const many = Array.from({ length: PREDICATE_LIMITS.maxConditions + 1 }, (_, i) => `a = v${i}`);
    assert.match(refusal(many.join(' OR ')).reason, /at most 32 conditions/);
    assert.match(refusal('('.repeat(20) + 'a = b' + ')'.repeat(20)).reason, /nested more than 16/);
    const values = Array.from({ length: 65 }, (_, i) => `v${i}`).join(', ');
    assert.match(refusal(`a IN (${values})`).reason, /at most 64 values/);
  });

  it('refuses attributes and values the pool does not have, with their position', () => {
    const vocabulary = { accent: ['en-029', 'en-us'], noise: ['none', 'hum'] };
    const check = (source: string) => () => checkVocabulary(parsePredicate(source), vocabulary);
    assert.doesNotThrow(check('accent = en-029 AND noise != none'));
    assert.throws(check('accent = en-029 AND nois = hum'), (error: PredicateError) => {
      assert.equal(error.position, 20);
      assert.match(error.reason, /no attribute "nois" \(it has: accent, noise\)/);
      return true;
    });
    assert.throws(
      check('accent IN (en-us, en-gb)'),
      (error: PredicateError) => error.position === 18,
    );
  });

  it('never throws anything but a PredicateError, and parses its own canonical form back', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (source) => {
        try {
          const parsed = parsePredicate(source);
          const text = canonicalPredicate(parsed);
          return canonicalPredicate(parsePredicate(text)) === text;
        } catch (error) {
          return error instanceof PredicateError;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
