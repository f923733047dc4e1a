import {
  type Draw,
  type SyntheticFact,
  numberReferences,
  threeDistractors,
} from './synthetic-fact';

// Exact conversions only (by definition), so every answer is an integer.
const CONVERSIONS: readonly [from: string, to: string, factor: number][] = [
  ['kilometers', 'meters', 1000],
  ['meters', 'centimeters', 100],
  ['centimeters', 'millimeters', 10],
  ['kilograms', 'grams', 1000],
  ['liters', 'milliliters', 1000],
  ['hours', 'minutes', 60],
  ['minutes', 'seconds', 60],
  ['days', 'hours', 24],
  ['weeks', 'days', 7],
  ['feet', 'inches', 12],
  ['yards', 'feet', 3],
  ['dozens', 'items', 12],
];

/** "How many meters are in 7 kilometers?" */
export function unitFact(draw: Draw, i: number): SyntheticFact {
  const [from, to, factor] = CONVERSIONS[i % CONVERSIONS.length];
  const amount = draw.int(2, 99);
  const value = amount * factor;
  const answer = String(value);
  const near = [value * 10, value + factor, value - factor, amount * (factor + 1), value + 1];
  return {
    topic: 'units',
    task: `${from}_to_${to}`,
    question: `How many ${to} are in ${amount} ${from}?`,
    answer,
    references: numberReferences(value),
    distractors: threeDistractors(answer, draw.shuffle(near.filter((v) => v > 0))),
  };
}
