/** One thing wrong with an upload: where (a row, a manifest line, an archive entry) and why. */
export interface SliceProblem {
  /** e.g. "rows[12].id", "manifest.jsonl line 3", "audio/clip1.wav", "upload". */
  field: string;
  reason: string;
}

/** Thrown by parseSliceUpload when the upload is refused; nothing in it was accepted. */
export class SliceValidationError extends Error {
  override readonly name = 'SliceValidationError';
  /** One-sentence summary, fit for an RFC 9457 `detail`. */
  readonly detail: string;
  /** The first problems found, in the order they were found. */
  readonly problems: readonly SliceProblem[];
  /** All problems found, including those not kept in `problems`. */
  readonly problemCount: number;

  constructor(detail: string, problems: readonly SliceProblem[], problemCount = problems.length) {
    super(problems.length > 0 ? `${detail}: ${problems[0].field}: ${problems[0].reason}` : detail);
    this.detail = detail;
    this.problems = problems;
    this.problemCount = problemCount;
  }
}

/** Collects problems, keeping the first `max` and counting the rest. */
export class ProblemList {
  private readonly kept: SliceProblem[] = [];
  private total = 0;

  /** `what` names the upload in the summary, e.g. `upload "clips.zip"`. */
  constructor(
    private readonly max: number,
    private readonly what: string,
  ) {}

  add(field: string, reason: string): void {
    this.total += 1;
    if (this.kept.length < this.max) this.kept.push({ field, reason });
  }

  get count(): number {
    return this.total;
  }

  /** Records a problem that makes reading on pointless, and throws with everything found so far. */
  fatal(field: string, reason: string): never {
    this.add(field, reason);
    return this.throwIfAny() as never;
  }

  /** Throws a SliceValidationError when any problem was recorded. */
  throwIfAny(): void {
    if (this.total === 0) return;
    const shown = this.total > this.kept.length ? ` (first ${this.kept.length} shown)` : '';
    const noun = this.total === 1 ? 'problem' : 'problems';
    throw new SliceValidationError(
      `${this.what} was refused: ${this.total} ${noun}${shown}`,
      this.kept,
      this.total,
    );
  }
}

/** A refusal with a single problem, for checks that make going on pointless (unknown format, empty file). */
export function refuse(field: string, reason: string): SliceValidationError {
  return new SliceValidationError(`upload was refused: ${reason}`, [{ field, reason }]);
}
