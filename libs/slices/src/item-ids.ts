import type { RowRef } from './item-fields';
import type { ProblemList } from './slice-problem';

/** Remembers where each id was first seen, so a repeat names both rows. */
export class ItemIds {
  private readonly firstSeen = new Map<string, string>();

  /** False (and a problem recorded) when the id was already used. */
  claim(id: string, ref: RowRef, problems: ProblemList): boolean {
    const first = this.firstSeen.get(id);
    if (first !== undefined) {
      problems.add(ref.field('id'), `duplicate id ${JSON.stringify(id)} (first used in ${first})`);
      return false;
    }
    this.firstSeen.set(id, ref.row);
    return true;
  }
}
