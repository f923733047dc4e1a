import { type Draw, type SyntheticFact, threeDistractors } from './synthetic-fact';

// Common words with at least one repeated letter, so letter counts are not all 1.
const WORDS = [
  'banana',
  'balloon',
  'letter',
  'coffee',
  'mississippi',
  'parallel',
  'committee',
  'address',
  'bookkeeper',
  'occurrence',
  'umbrella',
  'strawberry',
  'accommodate',
  'possession',
  'giraffe',
  'pepper',
  'success',
  'tomorrow',
  'referee',
  'essential',
  'cinnamon',
  'assessment',
  'happiness',
  'necessary',
  'satellite',
  'dilemma',
  'broccoli',
  'hippopotamus',
  'millennium',
  'rhythm',
  'kangaroo',
  'excellent',
  'butterfly',
  'grammar',
  'collection',
  'beginning',
  'apparatus',
  'embarrass',
  'questionnaire',
  'recommend',
];

const reverse = (word: string) => [...word].reverse().join('');
const count = (word: string, letter: string) => [...word].filter((c) => c === letter).length;

/** Reverse a word, count a letter, count the letters, or sort words, in turn. */
export function stringFact(draw: Draw, i: number): SyntheticFact {
  const word = draw.pick(WORDS);
  switch (i % 4) {
    case 0: {
      const answer = reverse(word);
      const swapped = (at: number) =>
        reverse(word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2));
      const near = [swapped(0), swapped(1), swapped(word.length - 2), word, reverse(word.slice(1))];
      return {
        topic: 'strings',
        task: 'reverse_word',
        question: `Write the word "${word}" backwards, letter by letter.`,
        answer,
        references: [answer],
        distractors: threeDistractors(answer, near),
      };
    }
    case 1: {
      const letter = draw.pick([...new Set(word)]);
      const n = count(word, letter);
      const answer = String(n);
      return {
        topic: 'strings',
        task: 'count_letter',
        question: `How many times does the letter "${letter}" appear in the word "${word}"?`,
        answer,
        references: [answer],
        distractors: threeDistractors(
          answer,
          [n + 1, n - 1, n + 2, n + 3].filter((v) => v > 0),
        ),
      };
    }
    case 2: {
      const n = word.length;
      const answer = String(n);
      return {
        topic: 'strings',
        task: 'word_length',
        question: `How many letters are in the word "${word}"?`,
        answer,
        references: [answer],
        distractors: threeDistractors(answer, draw.shuffle([n + 1, n - 1, n + 2, n - 2])),
      };
    }
    default: {
      const words = draw.shuffle(WORDS).slice(0, 4);
      const answer = [...words].sort()[0];
      return {
        topic: 'strings',
        task: 'alphabetical_first',
        question: `Which of these words comes first in alphabetical order: ${words.join(', ')}?`,
        answer,
        references: [answer],
        distractors: threeDistractors(answer, words),
      };
    }
  }
}
