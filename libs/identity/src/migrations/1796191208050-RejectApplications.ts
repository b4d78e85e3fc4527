import { MigrationInterface, QueryRunner } from 'typeorm';

export class RejectApplications1796191208050 implements MigrationInterface {
  name = 'RejectApplications1796191208050';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "rejection_reason" character varying(1000)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "rejection_reason"`);
  }
}
