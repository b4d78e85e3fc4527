import { MigrationInterface, QueryRunner } from 'typeorm';

export class MailCalendar1796195136808 implements MigrationInterface {
  name = 'MailCalendar1796195136808';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mail_outbox" ADD "calendar" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mail_outbox" DROP COLUMN "calendar"`);
  }
}
