import { MigrationInterface, QueryRunner } from 'typeorm';

export class ArchiveCategories1796190972401 implements MigrationInterface {
  name = 'ArchiveCategories1796190972401';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "forum_categories" ADD "archived_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "forum_categories" DROP COLUMN "archived_at"`);
  }
}
