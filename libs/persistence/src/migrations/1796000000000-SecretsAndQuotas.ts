import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-tenant quotas count runs by (tenant, queued time). Secrets for notification channels, stored per tenant (or for the operator) and sealed with
 * LASTMILE_SECRETS_KEY, replacing channels that named a server environment variable.
 */
export class SecretsAndQuotas1796000000000 implements MigrationInterface {
  name = 'SecretsAndQuotas1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "secrets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid, "name" text NOT NULL, "sealed" bytea NOT NULL, "key_id" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "rotated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_secrets" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_secrets_tenant_name" ON "secrets" ("tenant_id", "name") WHERE "tenant_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_secrets_operator_name" ON "secrets" ("name") WHERE "tenant_id" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "secrets" ADD CONSTRAINT "fk_secrets_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_runs_tenant_queued" ON "runs" ("tenant_id", "queued_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_runs_tenant_queued"`);
    await queryRunner.query(`ALTER TABLE "secrets" DROP CONSTRAINT "fk_secrets_tenant_id"`);
    await queryRunner.query(`DROP INDEX "public"."ux_secrets_operator_name"`);
    await queryRunner.query(`DROP INDEX "public"."ux_secrets_tenant_name"`);
    await queryRunner.query(`DROP TABLE "secrets"`);
  }
}
