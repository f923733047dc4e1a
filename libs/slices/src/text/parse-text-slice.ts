import { rowRef } from '../item-fields';
import { ItemIds } from '../item-ids';
import type { SliceItem } from '../parsed-slice';
import type { SliceLimits } from '../slice-limits';
import type { ProblemList } from '../slice-problem';
import { readCsvRows } from './csv-rows';
import { decodeUploadText } from './decode-text';
import { readJsonLines } from './jsonl-lines';
import { readTextRow } from './text-row';

/** Items of a JSONL or CSV upload, in file order; throws with every problem found. */
export function parseTextSlice(
  data: Buffer,
  format: 'jsonl' | 'csv',
  upload: { filename: string; contentType?: string },
  problems: ProblemList,
  limits: SliceLimits,
): SliceItem[] {
  const { filename } = upload;
  const text = decodeUploadText(data, upload.contentType, filename, problems);
  const rows =
    format === 'jsonl'
      ? readJsonLines(text, filename, (line) => rowRef(`rows[${line}]`), problems, limits)
      : readCsvRows(text, filename, problems, limits);
  const ids = new ItemIds();
  const items: SliceItem[] = [];
  for (const { ref, value } of rows) {
    const item = readTextRow(value, ref, problems, limits);
    if (item && ids.claim(item.id, ref, problems)) items.push(item);
  }
  problems.throwIfAny();
  return items;
}
