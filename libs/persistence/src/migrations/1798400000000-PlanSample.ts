import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plans gain `sample`: a stratified sample of the scenario's built-in data ({ perGroup, by,
 * seed, wholeUnits } or "full") that takes precedence over the scenario config's; null for
 * every existing plan (the config's sample, as before).
 */
export class PlanSample1798400000000 implements MigrationInterface {
  name = 'PlanSample1798400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plans" ADD "sample" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plans" DROP COLUMN "sample"`);
  }
}
