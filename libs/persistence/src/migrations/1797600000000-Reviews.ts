import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The review queue: answers of judged runs sampled for people (review_tasks, with the judge's
 * verdict kept for agreement) and people's labels (review_labels, one per reviewer key and task).
 * The reviewer role needs no schema change (api_keys.role is text; its tenant_id scopes it).
 */
export class Reviews1797600000000 implements MigrationInterface {
  name = 'Reviews1797600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "review_tasks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "run_id" uuid NOT NULL, "scenario_id" uuid NOT NULL, "tenant_id" uuid, "slice_id" uuid NOT NULL, "item_key" text NOT NULL, "sample" integer NOT NULL DEFAULT '0', "stratum" text NOT NULL, "judge_id" text NOT NULL, "judge" jsonb NOT NULL, "judge_label" text NOT NULL, "judge_score" double precision, "judge_spread" double precision NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_review_tasks" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_review_tasks_run_item" ON "review_tasks" ("run_id", "slice_id", "item_key", "sample")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_review_tasks_scenario" ON "review_tasks" ("scenario_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_review_tasks_tenant" ON "review_tasks" ("tenant_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "review_labels" ("id" BIGSERIAL NOT NULL, "task_id" uuid NOT NULL, "reviewer_key_id" uuid NOT NULL, "label" text NOT NULL, "score" double precision, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_review_labels" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_review_labels_task_reviewer" ON "review_labels" ("task_id", "reviewer_key_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_review_labels_reviewer" ON "review_labels" ("reviewer_key_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_tasks" ADD CONSTRAINT "fk_review_tasks_run_id" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_tasks" ADD CONSTRAINT "fk_review_tasks_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_labels" ADD CONSTRAINT "fk_review_labels_task_id" FOREIGN KEY ("task_id") REFERENCES "review_tasks"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_labels" ADD CONSTRAINT "fk_review_labels_reviewer_key_id" FOREIGN KEY ("reviewer_key_id") REFERENCES "api_keys"("id") ON DELETE CASCADE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "review_labels" DROP CONSTRAINT "fk_review_labels_reviewer_key_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_labels" DROP CONSTRAINT "fk_review_labels_task_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_tasks" DROP CONSTRAINT "fk_review_tasks_tenant_id"`,
    );
    await queryRunner.query(`ALTER TABLE "review_tasks" DROP CONSTRAINT "fk_review_tasks_run_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_review_labels_reviewer"`);
    await queryRunner.query(`DROP INDEX "public"."ux_review_labels_task_reviewer"`);
    await queryRunner.query(`DROP TABLE "review_labels"`);
    await queryRunner.query(`DROP INDEX "public"."ix_review_tasks_tenant"`);
    await queryRunner.query(`DROP INDEX "public"."ix_review_tasks_scenario"`);
    await queryRunner.query(`DROP INDEX "public"."ux_review_tasks_run_item"`);
    await queryRunner.query(`DROP TABLE "review_tasks"`);
  }
}
