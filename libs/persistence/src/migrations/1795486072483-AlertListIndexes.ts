import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GET /v1/alerts pages newest first by (last_seen_at, id). Without an index in that order the
 * unfiltered list and every cursor page sorted the whole table (a sequential scan: 20-70 ms at
 * 10,000 alerts in bench/api), and a plan's list sorted all of its alerts. The plan index gains
 * the order columns and replaces the plan_id-only one (still first column, so FK lookups keep it).
 */
export class AlertListIndexes1795486072483 implements MigrationInterface {
  name = 'AlertListIndexes1795486072483';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_alerts_last_seen_id" ON "alerts" ("last_seen_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_alerts_plan_last_seen_id" ON "alerts" ("plan_id", "last_seen_at", "id")`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_alerts_plan"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_alerts_plan" ON "alerts" ("plan_id")`);
    await queryRunner.query(`DROP INDEX "public"."ix_alerts_plan_last_seen_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_alerts_last_seen_id"`);
  }
}
