/** A predicate refused at a position of its source (0-based offset; column = position + 1). */
export class PredicateError extends Error {
  constructor(
    readonly position: number,
    readonly reason: string,
  ) {
    super(`at position ${position} (column ${position + 1}): ${reason}`);
    this.name = 'PredicateError';
  }
}
