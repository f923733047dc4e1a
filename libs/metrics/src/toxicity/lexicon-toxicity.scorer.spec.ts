import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LexiconToxicityScorer } from './lexicon-toxicity.scorer';

const scorer = new LexiconToxicityScorer();

describe('LexiconToxicityScorer', () => {
  it('is a lexicon, so its scores are kept apart from classifiers', () => {
    assert.equal(scorer.kind, 'lexicon');
    assert.equal(scorer.id, 'lexicon:obscenity-english');
  });

  it('scores 1 for listed terms, including obfuscated spellings', async () => {
    for (const text of ['what the fuck', 'f4ck this', 'sh!t happens', 'fuuuuck', 'he is a b!tch']) {
      assert.deepEqual(
        await scorer.score(text),
        { toxicity: 1, attributes: { lexicon_terms: 1 } },
        text,
      );
    }
  });

  it('scores 0 for clean, empty and punctuation-only text', async () => {
    for (const text of ['Hello world', 'Scunthorpe and peacock', '', '?!…']) {
      assert.deepEqual(
        await scorer.score(text),
        { toxicity: 0, attributes: { lexicon_terms: 0 } },
        text,
      );
    }
  });

  it('counts distinct terms once each', async () => {
    assert.deepEqual(scorer.terms('shit, shit and bastard'), ['shit', 'bastard']);
    assert.deepEqual(await scorer.score('shit, shit and bastard'), {
      toxicity: 1,
      attributes: { lexicon_terms: 2 },
    });
  });

  // The limits documented in docs/metrics-toxicity.md, pinned so a library update that changes
  // them is noticed.
  it('misses implicit toxicity without listed words', async () => {
    for (const text of ['I hope you die', 'kill yourself', 'women belong in the kitchen']) {
      assert.equal((await scorer.score(text)).toxicity, 0, text);
    }
  });

  it('ignores context: negated or quoted terms still count', async () => {
    assert.equal((await scorer.score('I would never say fuck')).toxicity, 1);
    assert.equal((await scorer.score('"fuck" is a swear word')).toxicity, 1);
  });

  it('flags identity terms and innocent words containing listed terms', async () => {
    assert.deepEqual(scorer.terms('the Dyke March'), ['dyke']);
    assert.deepEqual(scorer.terms('sex education'), ['sex']);
    assert.deepEqual(scorer.terms('shiitake mushrooms'), ['shit']);
    assert.deepEqual(scorer.terms('graduated cum laude'), ['cum']);
  });
});
