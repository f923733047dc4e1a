import {
  type Draw,
  type SyntheticFact,
  numberReferences,
  threeDistractors,
} from './synthetic-fact';

function fact(task: string, question: string, value: number, near: number[]): SyntheticFact {
  const answer = String(value);
  return {
    topic: 'arithmetic',
    task,
    question,
    answer,
    references: numberReferences(value),
    distractors: threeDistractors(
      answer,
      near.filter((v) => v >= 0),
    ),
  };
}

/** The i-th arithmetic question: addition, subtraction, multiplication, exact division in turn. */
export function arithmeticFact(draw: Draw, i: number): SyntheticFact {
  switch (i % 4) {
    case 0: {
      const [a, b] = [draw.int(100, 9999), draw.int(100, 9999)];
      const c = a + b;
      return fact(
        'addition',
        `What is ${a} plus ${b}?`,
        c,
        draw.shuffle([c + 1, c - 1, c + 10, c - 10, c + 100]),
      );
    }
    case 1: {
      const a = draw.int(1000, 9999);
      const b = draw.int(100, a - 1);
      const c = a - b;
      return fact(
        'subtraction',
        `What is ${a} minus ${b}?`,
        c,
        draw.shuffle([c + 1, c - 1, c + 10, c - 10, a + b]),
      );
    }
    case 2: {
      const [a, b] = [draw.int(12, 99), draw.int(3, 99)];
      const c = a * b;
      return fact(
        'multiplication',
        `What is ${a} multiplied by ${b}?`,
        c,
        draw.shuffle([c + a, c - a, c + b, c - b, c + 10]),
      );
    }
    default: {
      const [b, q] = [draw.int(2, 19), draw.int(3, 99)];
      return fact(
        'division',
        `What is ${b * q} divided by ${b}?`,
        q,
        draw.shuffle([q + 1, q - 1, q + 2, q * 10, q - 2]),
      );
    }
  }
}
