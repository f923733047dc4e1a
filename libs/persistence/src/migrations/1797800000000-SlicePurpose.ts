import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Slices gain `purpose` ('evaluation', the default for every existing slice, or 'monitoring':
 * unlabelled recordings) and `alternates`, the SCTK GLM an audio upload may carry.
 */
export class SlicePurpose1797800000000 implements MigrationInterface {
  name = 'SlicePurpose1797800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "slices" ADD "purpose" text NOT NULL DEFAULT 'evaluation'`,
    );
    await queryRunner.query(`ALTER TABLE "slices" ADD "alternates" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "slices" DROP COLUMN "alternates"`);
    await queryRunner.query(`ALTER TABLE "slices" DROP COLUMN "purpose"`);
  }
}
