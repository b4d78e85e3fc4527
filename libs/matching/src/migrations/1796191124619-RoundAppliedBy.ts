import { MigrationInterface, QueryRunner } from 'typeorm';

export class RoundAppliedBy1796191124619 implements MigrationInterface {
  name = 'RoundAppliedBy1796191124619';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "matching_rounds" ADD "applied_by" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "matching_rounds" DROP COLUMN "applied_by"`);
  }
}
