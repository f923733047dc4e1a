import type { ScenarioItem } from '../../scenario-kind';
import { arithmeticFact } from './arithmetic-facts';
import { calendarFact } from './calendar-facts';
import { stringFact } from './string-facts';
import { type SyntheticFact, seededDraw } from './synthetic-fact';
import { unitFact } from './unit-facts';

const PER_TOPIC = 80;
const TOPICS = [
  ['arith', arithmeticFact],
  ['units', unitFact],
  ['cal', calendarFact],
  ['str', stringFact],
] as const;

// Fixed: the built-in items, and so the built-in slice's content hash, never change.
export const SYNTHETIC_QA_SEED = 1501;
export const SYNTHETIC_MC_SEED = 1502;

function facts(seed: number): { id: string; fact: SyntheticFact }[] {
  const draw = seededDraw(seed);
  return TOPICS.flatMap(([prefix, generate]) =>
    Array.from({ length: PER_TOPIC }, (_, i) => ({
      id: `${prefix}-${String(i + 1).padStart(3, '0')}`,
      fact: generate(draw, i),
    })),
  );
}

const attributes = (fact: SyntheticFact) => ({
  topic: fact.topic,
  task: fact.task,
  source: 'synthetic',
});

/** 320 short-answer questions with computed answers (80 per topic), generated at load. */
export function syntheticQaItems(): ScenarioItem[] {
  return facts(SYNTHETIC_QA_SEED).map(({ id, fact }) => ({
    id: `syn-qa-${id}`,
    input: fact.question,
    references: fact.references,
    attributes: attributes(fact),
  }));
}

/** 320 four-choice questions with computed answers; the right letter is drawn uniformly. */
export function syntheticMultipleChoiceItems(): ScenarioItem[] {
  const draw = seededDraw(SYNTHETIC_MC_SEED + 1);
  return facts(SYNTHETIC_MC_SEED).map(({ id, fact }) => {
    const at = draw.int(0, 3);
    const choices = [...fact.distractors.slice(0, 3)];
    choices.splice(at, 0, fact.answer);
    return {
      id: `syn-mc-${id}`,
      input: fact.question,
      choices,
      label: String.fromCharCode(65 + at),
      attributes: attributes(fact),
    };
  });
}
