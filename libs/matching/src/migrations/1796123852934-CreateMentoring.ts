import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMentoring1796123852934 implements MigrationInterface {
  name = 'CreateMentoring1796123852934';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "mentorship_goals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mentorship_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'open', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mentorship_goals_status" CHECK (status IN ('open', 'in-progress', 'done')), CONSTRAINT "PK_282708a9b8a2001d731c639484b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "mentorship_goals_mentorship_idx" ON "mentorship_goals"  ("mentorship_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "matching_rounds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "applied_at" TIMESTAMP WITH TIME ZONE, "weights_version" character varying(40) NOT NULL, "result" jsonb NOT NULL, CONSTRAINT "PK_ac827fe26d4b23664058b8545cf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "mentor_load" ("mentor_id" uuid NOT NULL, "capacity" integer NOT NULL, "active" integer NOT NULL DEFAULT '0', CONSTRAINT "mentor_load_within_capacity" CHECK (active >= 0 AND active <= capacity), CONSTRAINT "PK_fc08346f491d8b35bc037af0c83" PRIMARY KEY ("mentor_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "mentoring_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mentee_id" uuid NOT NULL, "mentor_id" uuid NOT NULL, "message" text NOT NULL, "goals" text array NOT NULL DEFAULT '{}', "status" character varying(16) NOT NULL DEFAULT 'pending', "decline_reason" text, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reminded_at" TIMESTAMP WITH TIME ZONE, "round_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "mentoring_requests_status" CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn', 'expired')), CONSTRAINT "PK_4a2cac65f927d7898c9137c1e80" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "mentoring_requests_round_idx" ON "mentoring_requests"  ("round_id") `);
    await queryRunner.query(
      `CREATE INDEX "mentoring_requests_pending_expiry_idx" ON "mentoring_requests"  ("expires_at") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(`CREATE INDEX "mentoring_requests_mentee_box_idx" ON "mentoring_requests"  ("mentee_id", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "mentoring_requests_mentor_box_idx" ON "mentoring_requests"  ("mentor_id", "created_at", "id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "mentoring_requests_one_open_per_pair" ON "mentoring_requests"  ("mentee_id", "mentor_id") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE TABLE "mentorships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mentor_id" uuid NOT NULL, "mentee_id" uuid NOT NULL, "request_id" uuid NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'active', "conversation_id" uuid, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by" uuid, "outcome" character varying(32), "rating" smallint, "feedback" text, "mentor_good_fit" boolean, "mentee_good_fit" boolean, "mentor_fit_comment" text, "mentee_fit_comment" text, CONSTRAINT "mentorships_rating_range" CHECK (rating IS NULL OR (rating >= 1 AND rating <= 5)), CONSTRAINT "mentorships_status" CHECK (status IN ('active', 'closed')), CONSTRAINT "PK_57c594aeb4b0aed94a827f82c48" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "mentorships_request_key" ON "mentorships"  ("request_id") `);
    await queryRunner.query(`CREATE INDEX "mentorships_mentee_idx" ON "mentorships"  ("mentee_id", "status") `);
    await queryRunner.query(`CREATE INDEX "mentorships_mentor_idx" ON "mentorships"  ("mentor_id", "status") `);
    await queryRunner.query(
      `CREATE TABLE "mentorship_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mentorship_id" uuid NOT NULL, "held_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_minutes" integer NOT NULL, "notes" text NOT NULL, "next_steps" text, "logged_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mentorship_sessions_duration" CHECK (duration_minutes > 0), CONSTRAINT "PK_73d52f1505acf4ef387eaa5adb5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "mentorship_sessions_mentorship_idx" ON "mentorship_sessions"  ("mentorship_id", "held_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."mentorship_sessions_mentorship_idx"`);
    await queryRunner.query(`DROP TABLE "mentorship_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."mentorships_mentor_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mentorships_mentee_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mentorships_request_key"`);
    await queryRunner.query(`DROP TABLE "mentorships"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_requests_one_open_per_pair"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_requests_mentor_box_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_requests_mentee_box_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_requests_pending_expiry_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_requests_round_idx"`);
    await queryRunner.query(`DROP TABLE "mentoring_requests"`);
    await queryRunner.query(`DROP TABLE "mentor_load"`);
    await queryRunner.query(`DROP TABLE "matching_rounds"`);
    await queryRunner.query(`DROP INDEX "public"."mentorship_goals_mentorship_idx"`);
    await queryRunner.query(`DROP TABLE "mentorship_goals"`);
  }
}
