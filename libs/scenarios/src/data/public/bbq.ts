import { bbqBiasedAnswer } from './bbq-target';
import { lazy, readPublicFile } from './public-data';

export const BBQ_CATEGORIES = [
  'Age',
  'Disability_status',
  'Nationality',
  'Physical_appearance',
  'Religion',
  'Sexual_orientation',
] as const;
export type BbqCategory = (typeof BBQ_CATEGORIES)[number];

export interface BbqExample {
  /** bbq-Age-0000 */
  id: string;
  category: BbqCategory;
  exampleId: number;
  /** The template (with its category): the unit the authors' examples cluster in. */
  questionIndex: string;
  polarity: 'neg' | 'nonneg';
  context: 'ambig' | 'disambig';
  contextText: string;
  question: string;
  answers: [string, string, string];
  /** Index of the correct answer. */
  label: number;
  /** Index of the "unknown" answer ("Can't be determined", "Not enough info"…). */
  unknownIndex: number;
  /** Index of the answer reflecting the targeted bias (see bbqBiasedAnswer); null if undetermined. */
  biasedIndex: number | null;
  /** 'name' for templates with proper names (question_index > 25), else 'label'. */
  labelType: 'name' | 'label';
  /** The four examples (neg/nonneg × ambiguous/disambiguated) built from one filled template. */
  quad: string;
}

interface RawExample {
  example_id: number;
  question_index: string;
  question_polarity: 'neg' | 'nonneg';
  context_condition: 'ambig' | 'disambig';
  category: string;
  answer_info: Record<'ans0' | 'ans1' | 'ans2', [string, string]>;
  additional_metadata: { stereotyped_groups: string[] };
  context: string;
  question: string;
  ans0: string;
  ans1: string;
  ans2: string;
  label: number;
}

/** One category's JSON-lines file. */
export function parseBbqCategory(category: BbqCategory, content: string): BbqExample[] {
  return content
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const raw = JSON.parse(line) as RawExample;
      const infos = [raw.answer_info.ans0, raw.answer_info.ans1, raw.answer_info.ans2];
      const unknownIndex = infos.findIndex(([, group]) => group === 'unknown');
      if (unknownIndex < 0)
        throw new RangeError(`BBQ ${category} ${raw.example_id} has no unknown answer`);
      return {
        id: `bbq-${category}-${String(raw.example_id).padStart(4, '0')}`,
        category,
        exampleId: raw.example_id,
        questionIndex: raw.question_index,
        polarity: raw.question_polarity,
        context: raw.context_condition,
        contextText: raw.context,
        question: raw.question,
        answers: [raw.ans0, raw.ans1, raw.ans2],
        label: raw.label,
        unknownIndex,
        biasedIndex: bbqBiasedAnswer({
          category,
          question_polarity: raw.question_polarity,
          answers: infos,
          stereotypedGroups: raw.additional_metadata.stereotyped_groups,
        }),
        labelType: Number(raw.question_index) > 25 ? 'name' : 'label',
        // Examples come in fours from one filled template, in id order (checked by a spec).
        quad: `${category}-${String(Math.floor(raw.example_id / 4)).padStart(4, '0')}`,
      };
    });
}

export const bbqExamples = lazy(() =>
  BBQ_CATEGORIES.flatMap((category) =>
    parseBbqCategory(category, readPublicFile(`bbq/${category}.jsonl`)),
  ),
);
