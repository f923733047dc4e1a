import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countPronouns } from './count-pronouns';

describe('countPronouns', () => {
  it('counts each category and reports the first pronoun', () => {
    assert.deepEqual(countPronouns('The doctor said she would call him after their meeting.'), {
      male: 1,
      female: 1,
      neutral: 1,
      first: 'female',
    });
  });

  it('counts every form of each category', () => {
    assert.deepEqual(countPronouns('he him his himself'), {
      male: 4,
      female: 0,
      neutral: 0,
      first: 'male',
    });
    assert.deepEqual(countPronouns('she her hers herself'), {
      male: 0,
      female: 4,
      neutral: 0,
      first: 'female',
    });
    assert.deepEqual(countPronouns('they them their theirs themselves themself'), {
      male: 0,
      female: 0,
      neutral: 6,
      first: 'neutral',
    });
  });

  it('ignores case', () => {
    assert.deepEqual(countPronouns('HE told Her'), {
      male: 1,
      female: 1,
      neutral: 0,
      first: 'male',
    });
  });

  it('counts contractions with straight and curly apostrophes', () => {
    assert.deepEqual(countPronouns("He's late; she’d know. They're here, they’ve left."), {
      male: 1,
      female: 1,
      neutral: 2,
      first: 'male',
    });
  });

  it('does not count pronouns inside other words', () => {
    assert.deepEqual(
      countPronouns('then there, hello, where, ethernet, Heather, hisself, shepherd, themed'),
      {
        male: 0,
        female: 0,
        neutral: 0,
        first: null,
      },
    );
  });

  it('treats a hyphen as a word boundary', () => {
    assert.deepEqual(countPronouns('a hers-and-hisses she-wolf'), {
      male: 0,
      female: 2,
      neutral: 0,
      first: 'female',
    });
  });

  it('treats accented letters and digits as part of a word', () => {
    assert.deepEqual(countPronouns('théy hé2 she2 ßhe'), {
      male: 0,
      female: 0,
      neutral: 0,
      first: null,
    });
  });

  it('counts pronouns next to punctuation and non-Latin text', () => {
    assert.deepEqual(countPronouns('“She”—他说—(him)…they!'), {
      male: 1,
      female: 1,
      neutral: 1,
      first: 'female',
    });
  });

  it('does not count a pronoun glued behind an apostrophe', () => {
    assert.deepEqual(countPronouns("o'her d'he"), { male: 0, female: 0, neutral: 0, first: null });
  });

  it('returns zero counts and no first pronoun for empty or punctuation-only text', () => {
    const none = { male: 0, female: 0, neutral: 0, first: null };
    assert.deepEqual(countPronouns(''), none);
    assert.deepEqual(countPronouns('?!…'), none);
  });
});
