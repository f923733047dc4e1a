import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * baselines.item_stats becomes `json` (stored as written) instead of `jsonb`: nothing queries
 * inside it, and converting a run's worth of item stats (hundreds of baselines, a 20,000-item run
 * ~15 MB) to jsonb was most of the time a run took to join its baseline.
 */
export class BaselineItemStatsJson1798500000000 implements MigrationInterface {
  name = 'BaselineItemStatsJson1798500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "baselines" ALTER COLUMN "item_stats" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "baselines" ALTER COLUMN "item_stats" TYPE json USING "item_stats"::json`,
    );
    await queryRunner.query(`ALTER TABLE "baselines" ALTER COLUMN "item_stats" SET DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "baselines" ALTER COLUMN "item_stats" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "baselines" ALTER COLUMN "item_stats" TYPE jsonb USING "item_stats"::jsonb`,
    );
    await queryRunner.query(`ALTER TABLE "baselines" ALTER COLUMN "item_stats" SET DEFAULT '{}'`);
  }
}
