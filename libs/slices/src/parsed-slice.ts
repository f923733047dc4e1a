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

export interface SliceItem {
  id: string;
  input?: string;
  references?: string[];
  label?: string;
  choices?: string[];
  attributes: Record<string, string>;
  audio?: SliceAudio;
}

/** A validated slice, ready to be written in one transaction. */
export interface ParsedSlice {
  modality: SliceModality;
  purpose: SlicePurpose;
  /** In upload order. */
  items: SliceItem[];
  /** sha256 hex of the canonical item set: equal for equal content, however it was packaged. */
  contentHash: string;
  /** Every attribute name with its distinct values, sorted. */
  attributes: Record<string, string[]>;
}
