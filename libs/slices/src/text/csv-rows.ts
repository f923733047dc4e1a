import { parse } from 'csv-parse/sync';
import { rowRef } from '../item-fields';
import type { SliceLimits } from '../slice-limits';
import type { ProblemList } from '../slice-problem';
import { readCsvHeader, type CsvColumn } from './csv-header';
import type { JsonRow } from './jsonl-lines';

interface CsvRecord {
  record: string[];
  raw: string;
  info: { records: number };
}

/**
 * CSV rows as raw row objects for readTextRow. Rows are named by their spreadsheet row number
 * (the header is row 1, so the first item is `rows[2]`). Empty cells are absent fields; records
 * whose cells are all empty are skipped. `references` and `choices` cells hold a JSON array of
 * strings (`["Paris","paris"]`) or `|`-separated values (`Paris | paris`, each one trimmed; a `|`
 * inside a value needs the JSON form).
 */
export function readCsvRows(
  text: string,
  file: string,
  problems: ProblemList,
  limits: SliceLimits,
): JsonRow[] {
  const reported = new Set<number>();
  // With raw and info set, csv-parse returns {record, raw, info}; its typings do not model that.
  const records = parse(text, {
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    raw: true,
    info: true,
    on_skip: (error) => {
      // One record can fail several times (each stray quote); report its first failure only.
      const row = Number(error?.records ?? 0) + 1;
      if (reported.has(row)) return;
      reported.add(row);
      problems.add(`rows[${row}]`, `is not valid CSV: ${error?.message ?? 'unreadable record'}`);
    },
  }) as unknown as CsvRecord[];
  const [header, ...body] = records.filter((entry) => entry.record.some((cell) => cell !== ''));
  if (!header) problems.fatal(file, 'has no rows');
  if (body.length === 0 && problems.count === 0) problems.fatal(file, 'has a header but no rows');
  if (body.length > limits.maxItems) {
    problems.fatal(file, `has ${body.length} rows; the limit is ${limits.maxItems}`);
  }
  const columns = readCsvHeader(header.record, file, problems, limits);
  if (!columns) return [];
  const rows: JsonRow[] = [];
  for (const entry of body) {
    const ref = rowRef(`rows[${entry.info.records}]`);
    const bytes = Buffer.byteLength(entry.raw);
    if (bytes > limits.maxRowBytes) {
      problems.add(ref.row, `is ${bytes} bytes; the limit is ${limits.maxRowBytes}`);
    } else if (entry.record.length !== columns.length) {
      problems.add(ref.row, `has ${entry.record.length} fields; the header has ${columns.length}`);
    } else {
      rows.push({ ref, value: toRowObject(columns, entry.record, ref.field, problems) });
    }
  }
  return rows;
}

function toRowObject(
  columns: CsvColumn[],
  cells: string[],
  at: (name: string) => string,
  problems: ProblemList,
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  const attributes: Array<[string, string]> = [];
  columns.forEach((column, index) => {
    const cell = cells[index];
    if (cell === '') return;
    if (column.kind === 'attribute') attributes.push([column.name, cell]);
    else if (column.name === 'references' || column.name === 'choices') {
      row[column.name] = readListCell(cell, at(column.name), problems);
    } else row[column.name] = cell;
  });
  if (attributes.length > 0) row.attributes = Object.fromEntries(attributes);
  return row;
}

function readListCell(cell: string, at: string, problems: ProblemList): unknown {
  if (!cell.trimStart().startsWith('[')) return cell.split('|').map((value) => value.trim());
  try {
    return JSON.parse(cell);
  } catch (error) {
    problems.add(at, `starts with "[" but is not a JSON array: ${(error as Error).message}`);
    return undefined;
  }
}
