export type SliceModality = 'text' | 'audio';

/**
 * 'evaluation' (default): every audio row carries its reference transcript. 'monitoring':
 * unlabelled recordings, watched through label-free signals; audio rows may omit `reference`.
 */
export type SlicePurpose = 'evaluation' | 'monitoring';

export interface SliceAudio {
  data: Buffer;
  mimeType: 'audio/wav' | 'audio/flac';
  durationMs: number;
}

/**
 * A slice item as it is stored: what an upload parses to, what a kind's built-in data and the
 * CLI's dataset are written as. The one declaration (libs/persistence stores it as it is).
 */
export interface StorableItem {
  id: string;
  input?: string | null;
  references?: string[] | null;
  label?: string | null;
  choices?: string[] | null;
  attributes: Record<string, string>;
  audio?: { data: Buffer; mimeType: string; durationMs?: number } | null;
}

/** A slice version to store: its items in upload order, and what identifies the content. */
export interface StorableSlice {
  modality: SliceModality;
  contentHash: string;
  /** Every attribute name with its distinct values, sorted. */
  attributes: Record<string, string[]>;
  items: readonly StorableItem[];
  /** Default 'evaluation' (built-in data, the CLI's datasets). */
  purpose?: SlicePurpose;
  /** An SCTK GLM of accepted alternates, applied to both sides before alignment when scoring. */
  alternates?: string | null;
}

/** An uploaded item, validated: a StorableItem with its audio checked. */
export interface SliceItem extends StorableItem {
  input?: string;
  references?: string[];
  label?: string;
  choices?: string[];
  audio?: SliceAudio;
}

/** A validated slice, ready to be written in one transaction. */
export interface ParsedSlice {
  modality: SliceModality;
  purpose: SlicePurpose;
  /** In upload order. */
  items: SliceItem[];
  /** The archive's alternates.glm (SCTK GLM text), validated; null when it has none. */
  alternates: string | null;
  /**
   * sha256 hex of the canonical item set and the alternates: equal for equal content, however it
   * was packaged.
   */
  contentHash: string;
  /** Every attribute name with its distinct values, sorted. */
  attributes: Record<string, string[]>;
}
