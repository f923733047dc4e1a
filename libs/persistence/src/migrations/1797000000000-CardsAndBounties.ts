import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Service cards and bias bounties (issue 17): the hand-written notes of a model's card and every
 * distinct card generated (per model and scope, by content hash); bounty programs with their
 * sealed pools and submissions; researcher keys bound to a program; slices a program owns; and the
 * subgroups a plan watches (accepted findings).
 */
export class CardsAndBounties1797000000000 implements MigrationInterface {
  name = 'CardsAndBounties1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "bounty_programs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "model_id" uuid NOT NULL, "scenario_id" uuid NOT NULL, "source_slice_id" uuid, "pool_slice_id" uuid NOT NULL, "plan_id" uuid NOT NULL, "metric" text NOT NULL, "min_effect" double precision NOT NULL, "alpha" double precision NOT NULL, "w0" double precision NOT NULL, "budget" integer NOT NULL, "daily_limit" integer NOT NULL, "min_subset_items" integer NOT NULL, "effect_rounding" double precision NOT NULL, "public_item_keys" text array NOT NULL, "status" text NOT NULL DEFAULT 'open', "created_by_key_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_bounty_programs" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_bounty_programs_plan" ON "bounty_programs"("plan_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "bounty_submissions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "researcher_key_id" uuid, "predicate" text NOT NULL, "source" text NOT NULL, "status" text NOT NULL, "reason" text, "test_index" integer, "level" double precision, "p_value" double precision, "delta" double precision, "ci_low" double precision, "ci_high" double precision, "shortfall" double precision, "n_subset" integer, "n_complement" integer, "rounded_effect" double precision, "run_id" uuid, "items_slice_id" uuid, "watch_label" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_bounty_submissions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_bounty_submissions_program_predicate" ON "bounty_submissions"("program_id", "predicate")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_bounty_submissions_program_test" ON "bounty_submissions"("program_id", "test_index") WHERE "test_index" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_bounty_submissions_researcher_created" ON "bounty_submissions"("researcher_key_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_bounty_submissions_program_created" ON "bounty_submissions"("program_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "model_card_notes" ("model_id" uuid NOT NULL, "intended_use" text, "out_of_scope" text, "contact" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by_key_id" uuid, CONSTRAINT "pk_model_card_notes" PRIMARY KEY ("model_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "model_cards" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "model_id" uuid NOT NULL, "scope" text NOT NULL, "tenant_id" uuid, "runs_hash" text NOT NULL, "content_hash" text NOT NULL, "run_ids" uuid array NOT NULL, "content" jsonb NOT NULL, "generated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_generated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "generation_count" integer NOT NULL DEFAULT '1', CONSTRAINT "pk_model_cards" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_model_cards_model_scope_generated" ON "model_cards"("model_id", "scope", "generated_at")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_model_cards_model_scope_content" ON "model_cards"("model_id", "scope", "content_hash")`,
    );
    await queryRunner.query(`ALTER TABLE "api_keys" ADD "program_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "plans" ADD "watched_subgroups" jsonb NOT NULL DEFAULT '[]'`,
    );
    await queryRunner.query(`ALTER TABLE "slices" ADD "program_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "api_keys" ADD CONSTRAINT "fk_api_keys_program_id" FOREIGN KEY ("program_id") REFERENCES "bounty_programs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bounty_programs" ADD CONSTRAINT "fk_bounty_programs_model_id" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bounty_programs" ADD CONSTRAINT "fk_bounty_programs_scenario_id" FOREIGN KEY ("scenario_id") REFERENCES "scenarios"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bounty_programs" ADD CONSTRAINT "fk_bounty_programs_pool_slice_id" FOREIGN KEY ("pool_slice_id") REFERENCES "slices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bounty_programs" ADD CONSTRAINT "fk_bounty_programs_plan_id" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bounty_submissions" ADD CONSTRAINT "fk_bounty_submissions_program_id" FOREIGN KEY ("program_id") REFERENCES "bounty_programs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bounty_submissions" ADD CONSTRAINT "fk_bounty_submissions_researcher_key_id" FOREIGN KEY ("researcher_key_id") REFERENCES "api_keys"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "model_card_notes" ADD CONSTRAINT "fk_model_card_notes_model_id" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "model_cards" ADD CONSTRAINT "fk_model_cards_model_id" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "model_cards" ADD CONSTRAINT "fk_model_cards_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "model_cards" DROP CONSTRAINT "fk_model_cards_tenant_id"`);
    await queryRunner.query(`ALTER TABLE "model_cards" DROP CONSTRAINT "fk_model_cards_model_id"`);
    await queryRunner.query(
      `ALTER TABLE "model_card_notes" DROP CONSTRAINT "fk_model_card_notes_model_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "bounty_submissions" DROP CONSTRAINT "fk_bounty_submissions_researcher_key_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "bounty_submissions" DROP CONSTRAINT "fk_bounty_submissions_program_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "bounty_programs" DROP CONSTRAINT "fk_bounty_programs_plan_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "bounty_programs" DROP CONSTRAINT "fk_bounty_programs_pool_slice_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "bounty_programs" DROP CONSTRAINT "fk_bounty_programs_scenario_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "bounty_programs" DROP CONSTRAINT "fk_bounty_programs_model_id"`,
    );
    await queryRunner.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "fk_api_keys_program_id"`);
    await queryRunner.query(`ALTER TABLE "slices" DROP COLUMN "program_id"`);
    await queryRunner.query(`ALTER TABLE "plans" DROP COLUMN "watched_subgroups"`);
    await queryRunner.query(`ALTER TABLE "api_keys" DROP COLUMN "program_id"`);
    await queryRunner.query(`DROP INDEX "public"."ux_model_cards_model_scope_content"`);
    await queryRunner.query(`DROP INDEX "public"."ix_model_cards_model_scope_generated"`);
    await queryRunner.query(`DROP TABLE "model_cards"`);
    await queryRunner.query(`DROP TABLE "model_card_notes"`);
    await queryRunner.query(`DROP INDEX "public"."ix_bounty_submissions_program_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_bounty_submissions_researcher_created"`);
    await queryRunner.query(`DROP INDEX "public"."ux_bounty_submissions_program_test"`);
    await queryRunner.query(`DROP INDEX "public"."ux_bounty_submissions_program_predicate"`);
    await queryRunner.query(`DROP TABLE "bounty_submissions"`);
    await queryRunner.query(`DROP INDEX "public"."ux_bounty_programs_plan"`);
    await queryRunner.query(`DROP TABLE "bounty_programs"`);
  }
}
