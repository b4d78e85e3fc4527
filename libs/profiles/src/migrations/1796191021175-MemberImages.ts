import { MigrationInterface, QueryRunner } from 'typeorm';

export class MemberImages1796191021175 implements MigrationInterface {
  name = 'MemberImages1796191021175';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisations" ADD "logo_url" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "profiles" ADD "avatar_url" character varying(200)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "profiles" DROP COLUMN "avatar_url"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "logo_url"`);
  }
}
