import { MigrationInterface, QueryRunner } from 'typeorm';

export class ConversationLinkBelongsToChat1796191151043 implements MigrationInterface {
  name = 'ConversationLinkBelongsToChat1796191151043';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mentorships" DROP COLUMN "conversation_id"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mentorships" ADD "conversation_id" uuid`);
  }
}
