import type { RowRef } from '../item-fields';
import type { SliceLimits } from '../slice-limits';
import type { ProblemList } from '../slice-problem';

export interface JsonRow {
  ref: RowRef;
  value: unknown;
}

/**
 * Splits JSONL text into parsed rows, one JSON value per non-blank line; `refFor(line)` names a
 * row by its 1-based line number. Oversize and unparsable lines are recorded and left out.
 * Throws at once for an empty file, a whole-file JSON array, or more rows than maxItems.
 */
export function readJsonLines(
  text: string,
  file: string,
  refFor: (line: number) => RowRef,
  problems: ProblemList,
  limits: SliceLimits,
): JsonRow[] {
  const lines = text.split(/\r?\n/);
  const filled: number[] = [];
  lines.forEach((line, index) => {
    if (/\S/.test(line)) filled.push(index + 1);
  });
  if (filled.length === 0) problems.fatal(file, 'has no rows');
  if (filled.length > limits.maxItems) {
    problems.fatal(file, `has ${filled.length} rows; the limit is ${limits.maxItems}`);
  }
  if (lines[filled[0] - 1].trim() === '[' || isJsonArray(text)) {
    problems.fatal(file, 'is a JSON array; JSONL needs one JSON object per line');
  }
  const rows: JsonRow[] = [];
  for (const lineNumber of filled) {
    const line = lines[lineNumber - 1];
    const ref = refFor(lineNumber);
    const bytes = Buffer.byteLength(line);
    if (bytes > limits.maxRowBytes) {
      problems.add(ref.row, `is ${bytes} bytes; the limit is ${limits.maxRowBytes}`);
      continue;
    }
    try {
      rows.push({ ref, value: JSON.parse(line) });
    } catch (error) {
      problems.add(ref.row, `is not valid JSON: ${(error as Error).message}`);
    }
  }
  return rows;
}

function isJsonArray(text: string): boolean {
  if (!text.trimStart().startsWith('[')) return false;
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}
