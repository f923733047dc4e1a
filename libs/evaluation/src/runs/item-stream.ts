import { createRng } from '@lastmile/metrics';
import type { SlicesStore, StoredItemRow } from '@lastmile/persistence';
import type { ScenarioItem } from '@lastmile/scenarios';

const PAGE = 200;

/**
 * Pages of a slice's items in upload order (keyset on ordinal), so a 100,000-item
 * slice never sits in memory. With a sample size, a seeded subset of ordinals is drawn first.
 * Each item carries its slice's alternates (an SCTK GLM), when the slice has them.
 */
export async function* streamSliceItems(
  slices: Pick<SlicesStore, 'page'>,
  sliceId: string,
  itemCount: number,
  sample: { size: number | null; seed: number },
  alternates: string | null = null,
): AsyncGenerator<ScenarioItem[]> {
  const chosen =
    sample.size !== null && sample.size < itemCount
      ? sampleOrdinals(itemCount, sample.size, sample.seed)
      : null;
  let after = -1;
  for (;;) {
    const rows = await slices.page(sliceId, after, PAGE);
    if (rows.length === 0) return;
    const page = rows
      .filter((row) => !chosen || chosen.has(row.ordinal))
      .map((row) => ({ ...toScenarioItem(row), ...(alternates === null ? {} : { alternates }) }));
    if (page.length) yield page;
    after = rows[rows.length - 1].ordinal;
  }
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

function toScenarioItem(row: StoredItemRow): ScenarioItem {
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
