import type { WorstItem, WorstItemEvidence } from '@lastmile/monitoring';
import type { ResultsStore } from '@lastmile/persistence';

const MAX_TEXT = 500;
const MAX_RESPONSES = 3;

const clip = (text: string | null) =>
  text === null || text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT)}…`;

/** The worst items with what was asked, the references and what the model answered in this run. */
export async function withItemDetails(
  results: Pick<ResultsStore, 'withItems'>,
  runId: string,
  sliceId: string,
  worst: readonly WorstItem[],
): Promise<WorstItemEvidence[]> {
  if (worst.length === 0) return [];
  const rows = await results.withItems(
    runId,
    sliceId,
    worst.map((item) => item.itemId),
  );
  return worst.map((item) => {
    const mine = rows.filter((row) => row.itemKey === item.itemId);
    return {
      ...item,
      input: clip(mine[0]?.input ?? null),
      references: mine[0]?.references ?? null,
      responses: mine.slice(0, MAX_RESPONSES).map((row) => clip(answerText(row)) ?? ''),
      stats: mine.slice(0, MAX_RESPONSES).map((row) => row.stats),
    };
  });
}

/**
 * The answer as it was scored: a speech item's transcript (`hypothesis`) when the response is
 * JSON carrying it, with the recognizer's confidence; otherwise the response as stored.
 */
function answerText(row: { response: string | null; stats: unknown }): string | null {
  const hypothesis = (row.stats as Record<string, unknown> | null)?.hypothesis;
  return typeof hypothesis === 'string' ? hypothesis : row.response;
}
