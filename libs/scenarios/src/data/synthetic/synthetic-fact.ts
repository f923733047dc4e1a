import { createRng } from '@lastmile/metrics';

/** A question whose answer is computed, never looked up: labelled synthetic wherever it is used. */
export interface SyntheticFact {
  topic: 'arithmetic' | 'units' | 'calendar' | 'strings';
  /** Which generator made it (addition, days_in_month, reverse_word…). */
  task: string;
  question: string;
  answer: string;
  /** Accepted written forms of the answer (the answer first). */
  references: string[];
  /** Wrong answers of the same form, for multiple choice: at least three, all ≠ answer. */
  distractors: string[];
}

export interface Draw {
  /** Uniform integer in [low, high]. */
  int(low: number, high: number): number;
  pick<T>(values: readonly T[]): T;
  /** A copy in random order (Fisher–Yates). */
  shuffle<T>(values: readonly T[]): T[];
}

export function seededDraw(seed: number): Draw {
  const rng = createRng(seed);
  const int = (low: number, high: number) => low + Math.floor(rng() * (high - low + 1));
  return {
    int,
    pick: (values) => values[int(0, values.length - 1)],
    shuffle: (values) => {
      const out = [...values];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

/** Three distinct wrong answers from the candidates, in the order given (first fit first). */
export function threeDistractors(
  answer: string,
  candidates: readonly (string | number)[],
): string[] {
  const out: string[] = [];
  for (const candidate of candidates.map(String)) {
    if (candidate !== answer && !out.includes(candidate)) out.push(candidate);
    if (out.length === 3) return out;
  }
  throw new RangeError(`fewer than three distractors for answer ${answer}`);
}

/** 1234567 → "1,234,567": both forms are accepted. */
export function numberReferences(value: number): string[] {
  const plain = String(value);
  const grouped = value.toLocaleString('en-US');
  return grouped === plain ? [plain] : [plain, grouped];
}
