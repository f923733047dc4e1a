import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each run was compared with: per (run, slice, metric, subgroup), a copy of the baseline
 * drift monitoring chose, as it stood before the run joined any. Runs monitored before this have
 * none; their reports say so.
 */
export class RunComparisons1798200000000 implements MigrationInterface {
  name = 'RunComparisons1798200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "run_comparisons" ("run_id" uuid NOT NULL, "slice_id" uuid NOT NULL, "metric" text NOT NULL, "subgroup" text NOT NULL, "baseline_id" uuid NOT NULL, "baseline_slice_id" uuid NOT NULL, "version_key" text NOT NULL, "policy" text NOT NULL, "pinned" boolean NOT NULL, "other_version" boolean NOT NULL, "run_ids" uuid array NOT NULL, "value" double precision, "ci_low" double precision, "ci_high" double precision, CONSTRAINT "pk_run_comparisons" PRIMARY KEY ("run_id", "slice_id", "metric", "subgroup"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "run_comparisons" ADD CONSTRAINT "fk_run_comparisons_run_id" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "run_comparisons" DROP CONSTRAINT "fk_run_comparisons_run_id"`,
    );
    await queryRunner.query(`DROP TABLE "run_comparisons"`);
  }
}
