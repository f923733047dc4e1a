import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts become incidents: one per (plan, slice, cause), keyed `type:plan:slice` (health:
 * `health:plan`), with the findings of each run in `findings`. Every existing alert keeps its row
 * and gets one finding (itself); unresolved alerts that now share a key are merged into the most
 * recently seen one (their findings move to it, they are resolved with a 'merged' event). CUSUM's
 * alerts become drift incidents (their findings keep kind 'cusum'). Runs gain `monitoring`: when
 * their drift monitoring finished and what it concluded.
 */
export class Incidents1797500000000 implements MigrationInterface {
  name = 'Incidents1797500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "findings" ("id" BIGSERIAL NOT NULL, "alert_id" uuid NOT NULL, "run_id" uuid, "kind" text NOT NULL, "metric" text NOT NULL, "subgroup" text NOT NULL, "severity" text NOT NULL, "title" text NOT NULL, "test" text, "p_value" double precision, "q_value" double precision, "effect" double precision, "rank" integer NOT NULL, "evidence" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_findings" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_findings_alert_run" ON "findings" ("alert_id", "run_id", "rank")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_findings_run" ON "findings" ("run_id")`);
    await queryRunner.query(
      `ALTER TABLE "findings" ADD CONSTRAINT "fk_findings_alert_id" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(`ALTER TABLE "runs" ADD "monitoring" jsonb`);

    // Every alert is an incident with one finding: itself.
    await queryRunner.query(
      `INSERT INTO findings (alert_id, run_id, kind, metric, subgroup, severity, title, rank, evidence, created_at)
       SELECT id, last_run_id, type, metric, subgroup, severity, title, 1, evidence, last_seen_at FROM alerts`,
    );
    await queryRunner.query(`DROP INDEX "public"."ux_alerts_dedup_open"`);
    await queryRunner.query(`UPDATE alerts SET type = 'drift' WHERE type = 'cusum'`);
    await queryRunner.query(
      `UPDATE alerts SET dedup_key = CASE WHEN type = 'health' THEN 'health:' || plan_id
                                          ELSE type || ':' || plan_id || ':' || coalesce(slice_id::text, '-') END`,
    );
    // Unresolved alerts now sharing a key: the most recently seen survives and takes the others.
    await queryRunner.query(`
      CREATE TEMP TABLE incident_merges ON COMMIT DROP AS
      SELECT a.id AS merged, s.id AS survivor
        FROM alerts a
        JOIN LATERAL (
          SELECT b.id FROM alerts b
           WHERE b.dedup_key = a.dedup_key AND b.status <> 'resolved'
           ORDER BY b.last_seen_at DESC, b.id DESC LIMIT 1) s ON true
       WHERE a.status <> 'resolved' AND s.id <> a.id`);
    await queryRunner.query(
      `UPDATE findings f SET alert_id = m.survivor FROM incident_merges m WHERE f.alert_id = m.merged`,
    );
    await queryRunner.query(`
      UPDATE alerts s SET severity = CASE
          WHEN 'critical' IN (s.severity, x.top) THEN 'critical'
          WHEN 'warning' IN (s.severity, x.top) THEN 'warning' ELSE s.severity END
        FROM (SELECT m.survivor,
                     CASE WHEN bool_or(a.severity = 'critical') THEN 'critical'
                          WHEN bool_or(a.severity = 'warning') THEN 'warning' ELSE 'info' END AS top
                FROM incident_merges m JOIN alerts a ON a.id = m.merged GROUP BY m.survivor) x
       WHERE s.id = x.survivor`);
    await queryRunner.query(
      `INSERT INTO alert_events (alert_id, event, note)
       SELECT merged, 'merged', 'merged into incident ' || survivor || ' when alerts became incidents'
         FROM incident_merges`,
    );
    await queryRunner.query(
      `UPDATE alerts a SET status = 'resolved', resolved_at = now()
         FROM incident_merges m WHERE a.id = m.merged`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_alerts_dedup_open" ON "alerts" ("dedup_key") WHERE status <> 'resolved'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Merged incidents stay merged and keys stay in the incident form: the findings go.
    await queryRunner.query(`ALTER TABLE "runs" DROP COLUMN "monitoring"`);
    await queryRunner.query(`ALTER TABLE "findings" DROP CONSTRAINT "fk_findings_alert_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_findings_run"`);
    await queryRunner.query(`DROP INDEX "public"."ix_findings_alert_run"`);
    await queryRunner.query(`DROP TABLE "findings"`);
  }
}
