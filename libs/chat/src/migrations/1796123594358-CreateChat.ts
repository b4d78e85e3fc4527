import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateChat1796123594358 implements MigrationInterface {
  name = 'CreateChat1796123594358';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "conversation_members" ("conversation_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" character varying(8) NOT NULL DEFAULT 'member', "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "left_at" TIMESTAMP WITH TIME ZONE, "last_read_seq" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_5fa9076068b6f2a26fb793d2439" PRIMARY KEY ("conversation_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "conversation_members_user_idx" ON "conversation_members"  ("user_id", "conversation_id") `);
    await queryRunner.query(
      `CREATE TABLE "conversations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(12) NOT NULL, "title" character varying(120), "created_by" uuid NOT NULL, "direct_key" character varying(80), "mentorship_id" uuid, "last_seq" integer NOT NULL DEFAULT '0', "last_message_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ee34f4f7ced4ec8681f26bf04ef" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "conversations_direct_key_uq" ON "conversations"  ("direct_key") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "conversations_mentorship_uq" ON "conversations"  ("mentorship_id") `);
    await queryRunner.query(
      `CREATE TABLE "messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "conversation_id" uuid NOT NULL, "seq" integer NOT NULL, "sender_id" uuid NOT NULL, "client_id" uuid NOT NULL, "body" text NOT NULL, "body_html" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "edited_at" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "messages_client_id_uq" UNIQUE ("conversation_id", "sender_id", "client_id"), CONSTRAINT "messages_conversation_seq_uq" UNIQUE ("conversation_id", "seq"), CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id"))`,
    );
    // By hand: what the entities cannot say.
    await queryRunner.query(
      `ALTER TABLE "conversations" ADD CONSTRAINT "conversations_kind_ck" CHECK (kind IN ('direct', 'group', 'mentorship'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversations" ADD CONSTRAINT "conversations_direct_key_ck" CHECK ((kind = 'direct') = (direct_key IS NOT NULL))`,
    );
    await queryRunner.query(`ALTER TABLE "conversations" ADD CONSTRAINT "conversations_last_seq_ck" CHECK (last_seq >= 0)`);
    await queryRunner.query(
      `ALTER TABLE "conversation_members" ADD CONSTRAINT "conversation_members_role_ck" CHECK (role IN ('owner', 'member'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "conversation_members" ADD CONSTRAINT "conversation_members_conversation_fk" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_fk" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(`ALTER TABLE "messages" ADD CONSTRAINT "messages_seq_ck" CHECK (seq > 0)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "messages"`);
    await queryRunner.query(`DROP INDEX "public"."conversations_mentorship_uq"`);
    await queryRunner.query(`DROP INDEX "public"."conversations_direct_key_uq"`);
    await queryRunner.query(`DROP TABLE "conversations"`);
    await queryRunner.query(`DROP INDEX "public"."conversation_members_user_idx"`);
    await queryRunner.query(`DROP TABLE "conversation_members"`);
  }
}
