import { createHash } from 'node:crypto';

/** An answer the sampler may put in front of people. */
export interface ReviewCandidate {
  itemId: string;
  stratum: string;
  /** How much the judge's samples disagreed (0: all agreed). */
  spread: number;
}

const rank = (seed: string, itemId: string) =>
  createHash('sha256').update(`${seed}\u0000${itemId}`).digest('hex');

/**
 * Up to `size` answers for people, stratified by group: the strata take turns (sorted by name),
 * one answer each per turn, so a small group is reviewed as much as a large one until it runs
 * out. Within a stratum, answers whose judge samples disagreed come first (the judge was unsure),
 * then the order of sha256(seed, item id): reproducible, and unrelated to the item ids' order.
 */
export function sampleForReview<T extends ReviewCandidate>(
  candidates: readonly T[],
  size: number,
  seed: string,
): T[] {
  const strata = new Map<string, T[]>();
  for (const candidate of candidates) {
    const members = strata.get(candidate.stratum) ?? [];
    members.push(candidate);
    strata.set(candidate.stratum, members);
  }
  const queues = [...strata.keys()].sort().map((stratum) =>
    strata
      .get(stratum)!
      .map((c) => ({ c, key: rank(seed, c.itemId) }))
      .sort(
        (a, b) =>
          Number(b.c.spread > 0) - Number(a.c.spread > 0) ||
          (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
      )
      .map(({ c }) => c),
  );
  const taken: T[] = [];
  for (let turn = 0; taken.length < size; turn++) {
    let any = false;
    for (const queue of queues) {
      if (turn >= queue.length) continue;
      any = true;
      taken.push(queue[turn]);
      if (taken.length === size) break;
    }
    if (!any) break;
  }
  return taken;
}
