import { ATTRIBUTE_NAME_RULE, isAttributeName } from '../item-fields';
import type { SliceLimits } from '../slice-limits';
import type { ProblemList } from '../slice-problem';

const FIELD_COLUMNS = ['id', 'input', 'references', 'label', 'choices'] as const;
type FieldColumn = (typeof FIELD_COLUMNS)[number];

export type CsvColumn = { kind: 'field'; name: FieldColumn } | { kind: 'attribute'; name: string };
const ATTRIBUTE_PREFIX = /^(?:attr|attributes)\.(.*)$/;

/**
 * Reads the header row: id, input, references, label, choices, and one column per attribute
 * named `attr.<name>` or `attributes.<name>`. Returns undefined after recording the problems.
 */
export function readCsvHeader(
  cells: string[],
  file: string,
  problems: ProblemList,
  limits: SliceLimits,
): CsvColumn[] | undefined {
  const at = `${file} header`;
  const before = problems.count;
  const seen = new Set<string>();
  const columns: CsvColumn[] = [];
  cells.forEach((raw, index) => {
    const cell = raw.trim();
    const attribute = ATTRIBUTE_PREFIX.exec(cell);
    const column: CsvColumn | undefined = attribute
      ? { kind: 'attribute', name: attribute[1] }
      : (FIELD_COLUMNS as readonly string[]).includes(cell)
        ? { kind: 'field', name: cell as FieldColumn }
        : undefined;
    if (!column) {
      problems.add(
        `${at} column ${index + 1}`,
        `unknown column ${JSON.stringify(cell)}; expected ${FIELD_COLUMNS.join(', ')} or attr.<name>`,
      );
      return;
    }
    if (column.kind === 'attribute' && !isAttributeName(column.name)) {
      problems.add(`${at} column ${index + 1}`, ATTRIBUTE_NAME_RULE);
    }
    const key = `${column.kind}:${column.name}`;
    if (seen.has(key))
      problems.add(`${at} column ${index + 1}`, `column ${JSON.stringify(cell)} appears twice`);
    seen.add(key);
    columns.push(column);
  });
  for (const required of ['id', 'input']) {
    if (!seen.has(`field:${required}`)) problems.add(at, `has no ${required} column`);
  }
  const attributeCount = columns.filter((column) => column.kind === 'attribute').length;
  if (attributeCount > limits.maxAttributes) {
    problems.add(
      at,
      `has ${attributeCount} attribute columns; the limit is ${limits.maxAttributes}`,
    );
  }
  return problems.count === before ? columns : undefined;
}
