/** A bibliography that cannot be read; nothing of it is used. */
export class BibliographyError extends Error {
  constructor(
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(details.length > 0 ? `${message}: ${details.join('; ')}` : message);
    this.name = 'BibliographyError';
  }
}

/** Throws when two entries share an id, which would make verdicts ambiguous. */
export function assertUniqueIds(entries: readonly { id: string }[], format: string): void {
  const seen = new Set<string>();
  for (const { id } of entries) {
    if (seen.has(id)) throw new BibliographyError(`${format} id ${id} appears twice`);
    seen.add(id);
  }
}
