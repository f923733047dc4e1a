import type { WorstItem, WorstItemEvidence } from '@lastmile/monitoring';
import type { ResultsStore, ResultWithItem } from '@lastmile/persistence';

const MAX_TEXT = 500;
const MAX_RESPONSES = 3;

const clip = (text: string | null) =>
  text === null || text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT)}…`;

/** Rows of one run's items, fetched once per item however many findings name it. */
export class ItemDetailCache {
  private readonly rows = new Map<string, ResultWithItem[]>();

  constructor(
    private readonly results: Pick<ResultsStore, 'withItems'>,
    private readonly runId: string,
  ) {}

  /** Fetches the items not fetched yet, in one query per slice. */
  async load(sliceId: string, itemIds: Iterable<string>): Promise<void> {
    const missing = [...new Set(itemIds)].filter((id) => !this.rows.has(`${sliceId}|${id}`));
    if (missing.length === 0) return;
    for (const id of missing) this.rows.set(`${sliceId}|${id}`, []);
    for (const row of await this.results.withItems(this.runId, sliceId, missing))
      this.rows.get(`${sliceId}|${row.itemKey}`)!.push(row);
  }

  /** The worst items with what was asked, the references and what the model answered. */
  async details(sliceId: string, worst: readonly WorstItem[]): Promise<WorstItemEvidence[]> {
    await this.load(
      sliceId,
      worst.map((item) => item.itemId),
    );
    return worst.map((item) => {
      const mine = this.rows.get(`${sliceId}|${item.itemId}`) ?? [];
      return {
        ...item,
        input: clip(mine[0]?.input ?? null),
        references: mine[0]?.references ?? null,
        responses: mine.slice(0, MAX_RESPONSES).map((row) => clip(answerText(row)) ?? ''),
        stats: mine.slice(0, MAX_RESPONSES).map((row) => row.stats),
      };
    });
  }
}

/**
 * The answer as it was scored: a speech item's transcript (`hypothesis`) when the response is
 * JSON carrying it, with the recognizer's confidence; otherwise the response as stored.
 */
function answerText(row: { response: string | null; stats: unknown }): string | null {
  const hypothesis = (row.stats as Record<string, unknown> | null)?.hypothesis;
  return typeof hypothesis === 'string' ? hypothesis : row.response;
}
