import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Console sign-in sessions: a token's hash, the API key it acts as, its CSRF token and expiry.
 * Deleted with their key; read only joined with an unrevoked key (a revoked key signs out at once).
 * And ix_runs_queued: the newest runs of all plans (an ml or on-call caller's GET /v1/runs and the
 * console's run list) sorted every run without it: 216 ms of a first load at 100,000 runs.
 */
export class ConsoleSessions1797700000000 implements MigrationInterface {
  name = 'ConsoleSessions1797700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "console_sessions" ("token_hash" text NOT NULL, "key_id" uuid NOT NULL, "csrf_token" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_console_sessions" PRIMARY KEY ("token_hash"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_console_sessions_key" ON "console_sessions" ("key_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_console_sessions_expires" ON "console_sessions" ("expires_at")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_runs_queued" ON "runs" ("queued_at")`);
    await queryRunner.query(
      `ALTER TABLE "console_sessions" ADD CONSTRAINT "fk_console_sessions_key_id" FOREIGN KEY ("key_id") REFERENCES "api_keys"("id") ON DELETE CASCADE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_runs_queued"`);
    await queryRunner.query(`DROP TABLE "console_sessions"`);
  }
}
