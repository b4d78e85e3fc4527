import { MigrationInterface, QueryRunner } from 'typeorm';

export class UserAvatar1796191008394 implements MigrationInterface {
  name = 'UserAvatar1796191008394';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "avatar_url" character varying(200)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "avatar_url"`);
  }
}
