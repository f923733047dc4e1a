import type { Queryable, WorstItem, WorstItemEvidence } from '@lastmile/monitoring';

const MAX_TEXT = 500;
const MAX_RESPONSES = 3;

const clip = (text: string | null) =>
  text === null || text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT)}…`;

/** The worst items with what was asked, the references and what the model answered in this run. */
export async function withItemDetails(
  db: Queryable,
  runId: string,
  sliceId: string,
  worst: readonly WorstItem[],
): Promise<WorstItemEvidence[]> {
  if (worst.length === 0) return [];
  const rows: {
    item_key: string;
    response: string | null;
    stats: Record<string, unknown>;
    input: string | null;
    references: string[] | null;
  }[] = await db.query(
    `SELECT r.item_key, r.response, r.stats, i.input, i."references"
       FROM instance_results r
       LEFT JOIN slice_items i ON i.slice_id = r.slice_id AND i.item_key = r.item_key
       WHERE r.run_id = $1 AND r.slice_id = $2 AND r.item_key = ANY($3::text[]) AND r.error IS NULL
       ORDER BY r.item_key, r.sample`,
    [runId, sliceId, worst.map((item) => item.itemId)],
  );
  return worst.map((item) => {
    const mine = rows.filter((row) => row.item_key === item.itemId);
    return {
      ...item,
      input: clip(mine[0]?.input ?? null),
      references: mine[0]?.references ?? null,
      responses: mine.slice(0, MAX_RESPONSES).map((row) => clip(row.response) ?? ''),
      stats: mine.slice(0, MAX_RESPONSES).map((row) => row.stats),
    };
  });
}
