import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Service cards are versioned by the model version, the set of runs they summarize and the notes
 * (`version_key`), no longer by their content, which changed every day with the drift window.
 * Rows recorded before keep their history under `legacy:<content hash>` (a key no generation
 * computes, so the first card generated after this starts a new version), and their stored
 * content names that key as `identity.versionKey`.
 */
export class CardVersionKeys1798300000000 implements MigrationInterface {
  name = 'CardVersionKeys1798300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "model_cards" ADD "version_key" text`);
    await queryRunner.query(
      `UPDATE "model_cards" SET "version_key" = 'legacy:' || "content_hash",
              "content" = jsonb_set("content", '{identity,versionKey}', to_jsonb('legacy:' || "content_hash"))`,
    );
    await queryRunner.query(`ALTER TABLE "model_cards" ALTER COLUMN "version_key" SET NOT NULL`);
    await queryRunner.query(`DROP INDEX "public"."ux_model_cards_model_scope_content"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_model_cards_model_scope_version" ON "model_cards"("model_id", "scope", "version_key")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ux_model_cards_model_scope_version"`);
    // Versions whose latest generations say the same thing become one row again: the newest.
    await queryRunner.query(
      `DELETE FROM "model_cards" c USING "model_cards" newer
        WHERE newer.model_id = c.model_id AND newer.scope = c.scope
          AND newer.content_hash = c.content_hash
          AND (newer.last_generated_at, newer.id) > (c.last_generated_at, c.id)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_model_cards_model_scope_content" ON "model_cards"("model_id", "scope", "content_hash")`,
    );
    await queryRunner.query(
      `UPDATE "model_cards" SET "content" = "content" #- '{identity,versionKey}'`,
    );
    await queryRunner.query(`ALTER TABLE "model_cards" DROP COLUMN "version_key"`);
  }
}
