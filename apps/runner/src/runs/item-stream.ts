import type { DataSource } from 'typeorm';
import { createRng } from '@lastmile/metrics';
import type { ScenarioItem } from '@lastmile/scenarios';

const PAGE = 200;

/**
 * Pages of a slice's items in upload order (keyset on ordinal), so a 100,000-item
 * slice never sits in memory. With a sample size, a seeded subset of ordinals is drawn first.
 */
export async function* streamSliceItems(
  dataSource: DataSource,
  sliceId: string,
  itemCount: number,
  sample: { size: number | null; seed: number },
): AsyncGenerator<ScenarioItem[]> {
  const chosen =
    sample.size !== null && sample.size < itemCount
      ? sampleOrdinals(itemCount, sample.size, sample.seed)
      : null;
  let after = -1;
  for (;;) {
    // Raw SQL: TypeORM's builder and entity hydration cost ~10 ms a page, and the first page is
    // what the run's first model call waits for.
    const rows: ItemRow[] = await dataSource.query(PAGE_SQL, [sliceId, after, PAGE]);
    if (rows.length === 0) return;
    const page = rows.filter((row) => !chosen || chosen.has(row.ordinal)).map(toScenarioItem);
    if (page.length) yield page;
    after = rows[rows.length - 1].ordinal;
  }
}

const PAGE_SQL = `
  SELECT item_key, ordinal, input, "references", label, choices, attributes, audio, audio_mime
    FROM slice_items WHERE slice_id = $1 AND ordinal > $2 ORDER BY ordinal LIMIT $3`;

interface ItemRow {
  item_key: string;
  ordinal: number;
  input: string | null;
  references: string[] | null;
  label: string | null;
  choices: string[] | null;
  attributes: Record<string, string>;
  audio: Buffer | null;
  audio_mime: string | null;
}

export function sampledCount(itemCount: number, sampleSize: number | null): number {
  return sampleSize !== null && sampleSize < itemCount ? sampleSize : itemCount;
}

/** Partial Fisher–Yates over ordinals: the same seed always picks the same items. */
function sampleOrdinals(count: number, size: number, seed: number): Set<number> {
  const random = createRng(seed);
  const swapped = new Map<number, number>();
  const chosen = new Set<number>();
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (count - i));
    const picked = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
    chosen.add(picked);
  }
  return chosen;
}

function toScenarioItem(row: ItemRow): ScenarioItem {
  return {
    id: row.item_key,
    input: row.input,
    references: row.references,
    label: row.label,
    choices: row.choices,
    attributes: row.attributes,
    audio: row.audio
      ? {
          data: row.audio,
          mimeType: row.audio_mime ?? 'audio/wav',
          filename: `${row.item_key}.${row.audio_mime === 'audio/flac' ? 'flac' : 'wav'}`,
        }
      : null,
  };
}
