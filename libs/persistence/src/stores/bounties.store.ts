import type { EntityManager } from 'typeorm';
import {
  BountyProgram,
  BountySubmission,
  type BountySubmissionStatus,
} from '../entities/bounty.entity';
import { isoTimestampSql } from './sql-timestamp';

/** A public-sample item as researchers see it: no audio bytes. */
export interface PublicItemRow {
  itemKey: string;
  input: string | null;
  references: string[] | null;
  label: string | null;
  attributes: Record<string, string>;
}

export interface LeaderboardRow {
  submissionId: string;
  predicate: string;
  roundedEffect: number | null;
  watchLabel: string | null;
  /** The researcher key's name (the credit), else its prefix. */
  researcher: string;
  acceptedAt: string;
}

/** What a verification writes into a submission. */
export type SubmissionDecision = Partial<
  Pick<
    BountySubmission,
    | 'reason'
    | 'testIndex'
    | 'level'
    | 'pValue'
    | 'delta'
    | 'ciLow'
    | 'ciHigh'
    | 'shortfall'
    | 'nSubset'
    | 'nComplement'
    | 'roundedEffect'
    | 'runId'
    | 'watchLabel'
  >
> & { status: BountySubmissionStatus };

/**
 * The bounty_programs and bounty_submissions tables, and the slices a program owns: the sealed
 * pool (a copy no other plan may use) and researchers' items.
 */
export class BountiesStore {
  constructor(private readonly db: EntityManager) {}

  /**
   * Copies a slice and its items into a tenant-less slice owned by the program (call inside a
   * transaction): the pool is frozen at the program's opening, whatever becomes of the original.
   */
  async sealPool(sourceSliceId: string, programId: string): Promise<string | null> {
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO slices (tenant_id, name, version, content_hash, modality, item_count, attributes, program_id)
       SELECT NULL, 'bounty-pool:' || $2::text, 1, content_hash, modality, item_count, attributes, $2::uuid
         FROM slices WHERE id = $1 RETURNING id`,
      [sourceSliceId, programId],
    );
    const poolId = rows[0]?.id;
    if (!poolId) return null;
    await this.db.query(
      `INSERT INTO slice_items (slice_id, item_key, ordinal, input, "references", label, choices, attributes, audio, audio_mime, audio_ms)
       SELECT $2, item_key, ordinal, input, "references", label, choices, attributes, audio, audio_mime, audio_ms
         FROM slice_items WHERE slice_id = $1`,
      [sourceSliceId, poolId],
    );
    return poolId;
  }

  /** Marks a tenant-less slice as the program's (a researcher's items). */
  async claimSlice(sliceId: string, programId: string): Promise<void> {
    await this.db.query('UPDATE slices SET program_id = $2 WHERE id = $1 AND tenant_id IS NULL', [
      sliceId,
      programId,
    ]);
  }

  /** A deterministic pseudo-random choice of `size` item keys of a slice (the public sample). */
  async sampleKeys(sliceId: string, size: number, seed: string): Promise<string[]> {
    const rows: { item_key: string }[] = await this.db.query(
      `SELECT item_key FROM slice_items WHERE slice_id = $1 ORDER BY md5($3 || item_key), item_key LIMIT $2`,
      [sliceId, size, seed],
    );
    return rows.map((row) => row.item_key);
  }

  publicItems(sliceId: string, keys: readonly string[]): Promise<PublicItemRow[]> {
    return this.db.query(
      `SELECT item_key AS "itemKey", input, "references", label, attributes FROM slice_items
        WHERE slice_id = $1 AND item_key = ANY($2::text[]) ORDER BY ordinal`,
      [sliceId, keys],
    );
  }

  createProgram(fields: Omit<BountyProgram, 'createdAt' | 'status'>): Promise<BountyProgram> {
    return this.db.getRepository(BountyProgram).save({ ...fields, status: 'open' });
  }

  findProgram(id: string): Promise<BountyProgram | null> {
    return this.db.getRepository(BountyProgram).findOneBy({ id });
  }

  listPrograms(): Promise<BountyProgram[]> {
    return this.db.getRepository(BountyProgram).find({ order: { createdAt: 'DESC' }, take: 500 });
  }

  async close(id: string): Promise<void> {
    await this.db.getRepository(BountyProgram).update({ id }, { status: 'closed' });
  }

  /** Serializes the verification of one program's submissions (their order is LORD++'s order). */
  async lockProgram(programId: string): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtext('lastmile:bounty:' || $1))`, [
      programId,
    ]);
  }

  createSubmission(
    fields: Pick<
      BountySubmission,
      'programId' | 'researcherKeyId' | 'predicate' | 'source' | 'itemsSliceId'
    >,
  ): Promise<BountySubmission> {
    return this.db.getRepository(BountySubmission).save({ ...fields, status: 'pending' });
  }

  findSubmission(programId: string, id: string): Promise<BountySubmission | null> {
    return this.db.getRepository(BountySubmission).findOneBy({ id, programId });
  }

  findByPredicate(programId: string, predicate: string): Promise<BountySubmission | null> {
    return this.db.getRepository(BountySubmission).findOneBy({ programId, predicate });
  }

  /** A program's submissions in the order they arrived; a researcher's own when a key is given. */
  submissions(programId: string, researcherKeyId?: string): Promise<BountySubmission[]> {
    return this.db.getRepository(BountySubmission).find({
      where: { programId, ...(researcherKeyId ? { researcherKeyId } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: 1000,
    });
  }

  pending(programId: string): Promise<BountySubmission[]> {
    return this.db.getRepository(BountySubmission).find({
      where: { programId, status: 'pending' },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async countSubmissions(programId: string): Promise<number> {
    return this.db.getRepository(BountySubmission).countBy({ programId });
  }

  /** A researcher's submissions to a program since `since`, and when the oldest of them came. */
  async recentBy(
    programId: string,
    researcherKeyId: string,
    since: Date,
  ): Promise<{ count: number; oldest: Date | null }> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS count, min(created_at) AS oldest FROM bounty_submissions
        WHERE program_id = $1 AND researcher_key_id = $2 AND created_at > $3`,
      [programId, researcherKeyId, since],
    );
    return row;
  }

  /** The test numbers of the program's accepted submissions, ascending (LORD++'s τ₁ < τ₂ < …). */
  async rejectionTimes(programId: string): Promise<{ times: number[]; lastIndex: number }> {
    const [row] = await this.db.query(
      `SELECT coalesce(array_agg(test_index ORDER BY test_index) FILTER (WHERE status = 'accepted'), '{}') AS times,
              coalesce(max(test_index), 0)::int AS "lastIndex"
         FROM bounty_submissions WHERE program_id = $1`,
      [programId],
    );
    return { times: row.times.map(Number), lastIndex: row.lastIndex };
  }

  async decide(id: string, decision: SubmissionDecision): Promise<void> {
    await this.db
      .getRepository(BountySubmission)
      .update({ id }, { ...decision, decidedAt: new Date() });
  }

  /** The credit of a researcher key: its name, else its prefix. */
  async researcherName(keyId: string): Promise<string> {
    const [row] = await this.db.query(
      `SELECT coalesce(name, prefix) AS name FROM api_keys WHERE id = $1`,
      [keyId],
    );
    return row?.name ?? 'a revoked key';
  }

  /** Accepted findings, largest rounded effect first, then the earliest. */
  leaderboard(programId: string): Promise<LeaderboardRow[]> {
    return this.db.query(
      `SELECT b.id AS "submissionId", b.predicate, b.rounded_effect AS "roundedEffect",
              b.watch_label AS "watchLabel", coalesce(k.name, k.prefix, 'a revoked key') AS researcher,
              ${isoTimestampSql('b.decided_at')} AS "acceptedAt"
         FROM bounty_submissions b LEFT JOIN api_keys k ON k.id = b.researcher_key_id
        WHERE b.program_id = $1 AND b.status = 'accepted'
        ORDER BY b.rounded_effect DESC NULLS LAST, b.decided_at, b.id`,
      [programId],
    );
  }
}
