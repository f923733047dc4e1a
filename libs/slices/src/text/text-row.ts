import {
  describe,
  isRecord,
  readAttributes,
  readId,
  readScalar,
  readStringList,
  readText,
  reportUnknownFields,
  type RowRef,
} from '../item-fields';
import type { SliceItem } from '../parsed-slice';
import type { SliceLimits } from '../slice-limits';
import type { ProblemList } from '../slice-problem';

export const TEXT_ROW_FIELDS = [
  'id',
  'input',
  'references',
  'label',
  'choices',
  'attributes',
] as const;

/**
 * One text row, from JSONL or CSV, as an item. `null` counts as absent for the optional fields.
 * Returns undefined when the row had any problem (each one recorded).
 */
export function readTextRow(
  raw: unknown,
  ref: RowRef,
  problems: ProblemList,
  limits: SliceLimits,
): SliceItem | undefined {
  if (!isRecord(raw))
    return void problems.add(ref.row, `must be a JSON object, got ${describe(raw)}`);
  const before = problems.count;
  reportUnknownFields(raw, TEXT_ROW_FIELDS, ref, problems);
  const id = readId(raw.id, ref.field('id'), problems);
  const input = readText(raw.input, ref.field('input'), problems);
  const references = present(raw.references)
    ? readStringList(raw.references, ref.field('references'), problems)
    : undefined;
  const label = present(raw.label)
    ? readScalar(raw.label, ref.field('label'), problems)
    : undefined;
  const choices = present(raw.choices)
    ? readStringList(raw.choices, ref.field('choices'), problems, 2)
    : undefined;
  if (choices && new Set(choices).size !== choices.length) {
    problems.add(ref.field('choices'), 'holds the same choice twice');
  }
  const attributes = readAttributes(raw.attributes, ref.field('attributes'), problems, limits);
  if (problems.count !== before || id === undefined || attributes === undefined) return undefined;
  return {
    id,
    input,
    ...(references && { references }),
    ...(label !== undefined && { label }),
    ...(choices && { choices }),
    attributes,
  };
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}
