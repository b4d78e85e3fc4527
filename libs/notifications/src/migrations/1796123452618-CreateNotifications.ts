import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotifications1796123452618 implements MigrationInterface {
  name = 'CreateNotifications1796123452618';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "title" character varying(200) NOT NULL, "body" character varying(300), "link" character varying(300) NOT NULL, "source_id" uuid, "actor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "notifications_source_idx" ON "notifications"  ("source_id") `);
    await queryRunner.query(`CREATE INDEX "notifications_feed_idx" ON "notifications"  ("user_id", "created_at", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."notifications_feed_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_source_idx"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
  }
}
