import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The first schema: every core entity of the design, with the indexes its queries need. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "alerts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dedup_key" text NOT NULL, "type" text NOT NULL, "status" text NOT NULL, "severity" text NOT NULL, "plan_id" uuid NOT NULL, "model_id" uuid NOT NULL, "tenant_id" uuid, "slice_id" uuid, "subgroup" text NOT NULL, "metric" text NOT NULL, "title" text NOT NULL, "evidence" jsonb NOT NULL, "last_run_id" uuid, "seen_count" integer NOT NULL DEFAULT '1', "clean_runs" integer NOT NULL DEFAULT '0', "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "acknowledged_at" TIMESTAMP WITH TIME ZONE, "resolved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_alerts" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_alerts_plan" ON "alerts" ("plan_id")`);
    await queryRunner.query(`CREATE INDEX "ix_alerts_tenant" ON "alerts" ("tenant_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_alerts_status_last_seen" ON "alerts" ("status", "last_seen_at")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_alerts_dedup_open" ON "alerts" ("dedup_key") WHERE status <> 'resolved'`,
    );
    await queryRunner.query(
      `CREATE TABLE "alert_events" ("id" BIGSERIAL NOT NULL, "alert_id" uuid NOT NULL, "event" text NOT NULL, "actor_key_id" uuid, "note" text, "run_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_alert_events" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_alert_events_alert" ON "alert_events" ("alert_id", "at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text, "prefix" text NOT NULL, "hash" text NOT NULL, "role" text NOT NULL, "tenant_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_api_keys" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_api_keys_hash" ON "api_keys" ("hash")`);
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "actor_key_id" uuid, "actor_role" text NOT NULL, "action" text NOT NULL, "entity" text NOT NULL, "entity_id" text, "detail" jsonb NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_audit_log" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_audit_log_at" ON "audit_log" ("at")`);
    await queryRunner.query(
      `CREATE TABLE "baselines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "slice_id" uuid NOT NULL, "subgroup" text NOT NULL, "metric" text NOT NULL, "version_key" text NOT NULL, "run_ids" uuid array NOT NULL, "value" double precision, "ci_low" double precision, "ci_high" double precision, "run_values" jsonb NOT NULL DEFAULT '[]', "item_stats" jsonb NOT NULL DEFAULT '{}', "cusum" jsonb NOT NULL DEFAULT '{}', "pinned" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_baselines" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_baselines_key" ON "baselines" ("plan_id", "slice_id", "subgroup", "metric", "version_key")`,
    );
    await queryRunner.query(
      `CREATE TABLE "instance_results" ("id" BIGSERIAL NOT NULL, "run_id" uuid NOT NULL, "slice_id" uuid NOT NULL, "item_key" text NOT NULL, "sample" integer NOT NULL DEFAULT '0', "request" jsonb, "response" text, "latency_ms" integer, "error" jsonb, "stats" jsonb NOT NULL DEFAULT '{}', "attributes" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_instance_results" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_instance_results_run_item_sample" ON "instance_results" ("run_id", "slice_id", "item_key", "sample")`,
    );
    await queryRunner.query(
      `CREATE TABLE "metrics" ("id" BIGSERIAL NOT NULL, "run_id" uuid NOT NULL, "plan_id" uuid, "model_id" uuid NOT NULL, "tenant_id" uuid, "slice_id" uuid NOT NULL, "subgroup" text NOT NULL, "name" text NOT NULL, "value" double precision, "ci_low" double precision, "ci_high" double precision, "n" integer NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_metrics" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_metrics_model_name_at" ON "metrics" ("model_id", "name", "at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_metrics_plan_slice_name_at" ON "metrics" ("plan_id", "slice_id", "name", "at")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_metrics_run_slice_subgroup_name" ON "metrics" ("run_id", "slice_id", "subgroup", "name")`,
    );
    await queryRunner.query(
      `CREATE TABLE "models" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "version" text NOT NULL, "modality" text NOT NULL, "adapter" jsonb NOT NULL, "adapter_hash" text NOT NULL, "default_params" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ux_models_name_version" UNIQUE ("name", "version"), CONSTRAINT "pk_models" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" BIGSERIAL NOT NULL, "alert_id" uuid NOT NULL, "channel_key" text NOT NULL, "event" text NOT NULL, "idempotency_key" text NOT NULL, "attempt" integer NOT NULL, "status" text NOT NULL, "response_status" integer, "error" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_notifications" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_notifications_channel_status" ON "notifications" ("channel_key", "status", "at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_notifications_alert" ON "notifications" ("alert_id", "at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "plans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "model_id" uuid NOT NULL, "scenario_id" uuid NOT NULL, "slice_ids" uuid array NOT NULL DEFAULT '{}', "tenant_id" uuid, "cron" text, "timezone" text NOT NULL DEFAULT 'UTC', "enabled" boolean NOT NULL DEFAULT true, "sample_size" integer, "seed" integer NOT NULL DEFAULT '0', "baseline_policy" jsonb NOT NULL, "alert_policy" jsonb NOT NULL, "channels" jsonb NOT NULL DEFAULT '[]', "cache_responses" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_plans" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_plans_model" ON "plans" ("model_id")`);
    await queryRunner.query(
      `CREATE TABLE "response_cache" ("key" text NOT NULL, "response" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_response_cache" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid, "model_id" uuid NOT NULL, "scenario_id" uuid, "tenant_id" uuid, "status" text NOT NULL, "trigger" text NOT NULL, "total" integer NOT NULL DEFAULT '0', "done" integer NOT NULL DEFAULT '0', "errors" integer NOT NULL DEFAULT '0', "provenance" jsonb, "error_summary" jsonb, "cancel_requested" boolean NOT NULL DEFAULT false, "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_runs" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_runs_status" ON "runs" ("status")`);
    await queryRunner.query(
      `CREATE INDEX "ix_runs_plan_queued" ON "runs" ("plan_id", "queued_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "scenarios" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "kind" text NOT NULL, "config" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ux_scenarios_name" UNIQUE ("name"), CONSTRAINT "pk_scenarios" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "slices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid, "name" text NOT NULL, "version" integer NOT NULL, "content_hash" text NOT NULL, "modality" text NOT NULL, "item_count" integer NOT NULL, "attributes" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_slices" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_slices_tenant_name_hash" ON "slices" ("tenant_id", "name", "content_hash")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_slices_tenant_name_version" ON "slices" ("tenant_id", "name", "version")`,
    );
    await queryRunner.query(
      `CREATE TABLE "slice_items" ("id" BIGSERIAL NOT NULL, "slice_id" uuid NOT NULL, "item_key" text NOT NULL, "ordinal" integer NOT NULL, "input" text, "references" jsonb, "label" text, "choices" jsonb, "attributes" jsonb NOT NULL DEFAULT '{}', "audio" bytea, "audio_mime" text, "audio_ms" integer, CONSTRAINT "pk_slice_items" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_slice_items_slice_ordinal" ON "slice_items" ("slice_id", "ordinal")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_slice_items_slice_key" ON "slice_items" ("slice_id", "item_key")`,
    );
    await queryRunner.query(
      `CREATE TABLE "tenants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" text NOT NULL, "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ux_tenants_slug" UNIQUE ("slug"), CONSTRAINT "pk_tenants" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_keys" ADD CONSTRAINT "fk_api_keys_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "slices" ADD CONSTRAINT "fk_slices_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "slice_items" ADD CONSTRAINT "fk_slice_items_slice_id" FOREIGN KEY ("slice_id") REFERENCES "slices"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "plans" ADD CONSTRAINT "fk_plans_model_id" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE "plans" ADD CONSTRAINT "fk_plans_scenario_id" FOREIGN KEY ("scenario_id") REFERENCES "scenarios"("id") ON DELETE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE "plans" ADD CONSTRAINT "fk_plans_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "runs" ADD CONSTRAINT "fk_runs_plan_id" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "runs" ADD CONSTRAINT "fk_runs_model_id" FOREIGN KEY ("model_id") REFERENCES "models"("id") ON DELETE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE "runs" ADD CONSTRAINT "fk_runs_scenario_id" FOREIGN KEY ("scenario_id") REFERENCES "scenarios"("id") ON DELETE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE "runs" ADD CONSTRAINT "fk_runs_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "instance_results" ADD CONSTRAINT "fk_instance_results_run_id" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "metrics" ADD CONSTRAINT "fk_metrics_run_id" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "baselines" ADD CONSTRAINT "fk_baselines_plan_id" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "alerts" ADD CONSTRAINT "fk_alerts_plan_id" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "alert_events" ADD CONSTRAINT "fk_alert_events_alert_id" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "fk_notifications_alert_id" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "alert_events"`);
    await queryRunner.query(`DROP TABLE "alerts"`);
    await queryRunner.query(`DROP TABLE "baselines"`);
    await queryRunner.query(`DROP TABLE "metrics"`);
    await queryRunner.query(`DROP TABLE "instance_results"`);
    await queryRunner.query(`DROP TABLE "runs"`);
    await queryRunner.query(`DROP TABLE "plans"`);
    await queryRunner.query(`DROP TABLE "slice_items"`);
    await queryRunner.query(`DROP TABLE "slices"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP TABLE "response_cache"`);
    await queryRunner.query(`DROP TABLE "scenarios"`);
    await queryRunner.query(`DROP TABLE "models"`);
    await queryRunner.query(`DROP TABLE "tenants"`);
  }
}
