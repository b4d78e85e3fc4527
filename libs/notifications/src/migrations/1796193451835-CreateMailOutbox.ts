import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMailOutbox1796193451835 implements MigrationInterface {
  name = 'CreateMailOutbox1796193451835';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "digest_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "group_title" character varying(200) NOT NULL, "text" character varying(300) NOT NULL, "link" character varying(300) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f85763d8b12d80ae3d5e6dc95a4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "digest_items_user_idx" ON "digest_items"  ("user_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "digest_subscriptions" ("user_id" uuid NOT NULL, "frequency" character varying(10) NOT NULL DEFAULT 'weekly', "covered_until" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "mentors_shown" uuid array NOT NULL DEFAULT '{}', CONSTRAINT "PK_2e719906454e48b0877dee0d0a4" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "digest_subscriptions_due_idx" ON "digest_subscriptions"  ("covered_until") `);
    await queryRunner.query(
      `CREATE TABLE "mail_outbox" ("id" uuid NOT NULL, "message_id" character varying(200) NOT NULL, "dedupe_key" character varying(200), "user_id" uuid, "to_address" character varying(320), "kind" character varying(60) NOT NULL, "payload" jsonb NOT NULL, "subject" character varying(300), "html" text, "text" text, "headers" jsonb NOT NULL DEFAULT '{}', "send_if" jsonb, "status" character varying(10) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lease_until" TIMESTAMP WITH TIME ZONE, "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fecc63c96385bc35a39ccf2a72e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "mail_outbox_message_id_key" ON "mail_outbox"  ("message_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "mail_outbox_dedupe_key" ON "mail_outbox"  ("dedupe_key") `);
    await queryRunner.query(`CREATE INDEX "mail_outbox_listing_idx" ON "mail_outbox"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "mail_outbox_due_idx" ON "mail_outbox"  ("status", "next_attempt_at") `);
    await queryRunner.query(
      `CREATE TABLE "mail_signing_keys" ("name" character varying(20) NOT NULL, "secret" bytea NOT NULL, CONSTRAINT "PK_8e44b520e0c75223cb5696da010" PRIMARY KEY ("name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "channel" character varying(10) NOT NULL, CONSTRAINT "PK_4beeeb46feaf58d75e124c8ba58" PRIMARY KEY ("user_id", "kind"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
    await queryRunner.query(`DROP TABLE "mail_signing_keys"`);
    await queryRunner.query(`DROP INDEX "public"."mail_outbox_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mail_outbox_listing_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mail_outbox_dedupe_key"`);
    await queryRunner.query(`DROP INDEX "public"."mail_outbox_message_id_key"`);
    await queryRunner.query(`DROP TABLE "mail_outbox"`);
    await queryRunner.query(`DROP INDEX "public"."digest_subscriptions_due_idx"`);
    await queryRunner.query(`DROP TABLE "digest_subscriptions"`);
    await queryRunner.query(`DROP INDEX "public"."digest_items_user_idx"`);
    await queryRunner.query(`DROP TABLE "digest_items"`);
  }
}
