/** A citation read from free text: whatever of these fields the text gave. */
export interface Citation {
  /** The span of text the citation was read from. */
  text: string;
  /** A reference-list item, or a citation within running text. */
  source: 'reference_entry' | 'in_text';
  title?: string;
  /** First author's surname as written. */
  firstAuthor?: string;
  /** Every author's surname as written, in order, when the entry lists two or more. */
  authors?: string[];
  year?: number;
  /** Normalized (see normalizeDoi). */
  doi?: string;
  /** Lowercase, without version. */
  arxivId?: string;
}

/** A work in the reference bibliography. */
export interface BibliographyEntry {
  id: string;
  title?: string;
  /** Surnames in order (or an organization's name). */
  authors: string[];
  year?: number;
  doi?: string;
  arxivId?: string;
}
