import { MigrationInterface, QueryRunner } from 'typeorm';

export class MentoringCare1796191534991 implements MigrationInterface {
  name = 'MentoringCare1796191534991';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "mentoring_agreements" ("mentorship_id" uuid NOT NULL, "meeting_frequency" character varying(300) NOT NULL, "meeting_format" character varying(300) NOT NULL, "duration" character varying(300) NOT NULL, "mentor_expectations" text NOT NULL, "mentee_expectations" text NOT NULL, "confidentiality" text NOT NULL, "version" integer NOT NULL DEFAULT '1', "updated_by" uuid NOT NULL, "mentor_confirmed_at" TIMESTAMP WITH TIME ZONE, "mentee_confirmed_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5670beb3823d43d786be0cf6039" PRIMARY KEY ("mentorship_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "mentoring_check_ins" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mentorship_id" uuid NOT NULL, "user_id" uuid NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE, "usefulness" smallint, "relationship" smallint, "wants_to_continue" character varying(8), "comment" text, "share_comment" boolean NOT NULL DEFAULT false, "flagged" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mentoring_check_ins_due_unique" UNIQUE ("mentorship_id", "user_id", "due_at"), CONSTRAINT "mentoring_check_ins_continue" CHECK (wants_to_continue IN ('yes', 'unsure', 'no')), CONSTRAINT "mentoring_check_ins_relationship" CHECK (relationship BETWEEN 1 AND 5), CONSTRAINT "mentoring_check_ins_usefulness" CHECK (usefulness BETWEEN 1 AND 5), CONSTRAINT "PK_0308fba7220ac4753102b25f124" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "mentoring_check_ins_user_idx" ON "mentoring_check_ins"  ("user_id", "answered_at") `);
    await queryRunner.query(
      `CREATE TABLE "mentoring_meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mentorship_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_minutes" integer NOT NULL, "time_zone" character varying(64) NOT NULL DEFAULT 'Europe/London', "format" character varying(16) NOT NULL, "location" character varying(300), "agenda" character varying(1000), "status" character varying(16) NOT NULL DEFAULT 'proposed', "proposed_by" uuid NOT NULL, "awaiting_user_id" uuid, "calendar_sequence" integer NOT NULL DEFAULT '0', "session_id" uuid, "reminded_day_before_at" TIMESTAMP WITH TIME ZONE, "reminded_hour_before_at" TIMESTAMP WITH TIME ZONE, "log_requested_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "mentoring_meetings_duration" CHECK (duration_minutes BETWEEN 15 AND 480), CONSTRAINT "mentoring_meetings_format" CHECK (format IN ('video', 'phone', 'in-person')), CONSTRAINT "mentoring_meetings_status" CHECK (status IN ('proposed', 'scheduled', 'cancelled', 'held', 'missed')), CONSTRAINT "PK_563cfbb8cf75a45654f7f64308a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "mentoring_meetings_due_idx" ON "mentoring_meetings"  ("status", "starts_at") `);
    await queryRunner.query(`CREATE INDEX "mentoring_meetings_mentorship_idx" ON "mentoring_meetings"  ("mentorship_id", "starts_at") `);
    await queryRunner.query(
      `CREATE TABLE "mentorship_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mentorship_id" uuid NOT NULL, "changed_by" uuid NOT NULL, "subject" character varying(16) NOT NULL, "subject_id" uuid NOT NULL, "action" character varying(16) NOT NULL, "before" jsonb, "after" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e53438f74838ede72b79abcf828" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "mentorship_changes_mentorship_idx" ON "mentorship_changes"  ("mentorship_id", "created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."mentorship_changes_mentorship_idx"`);
    await queryRunner.query(`DROP TABLE "mentorship_changes"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_meetings_mentorship_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_meetings_due_idx"`);
    await queryRunner.query(`DROP TABLE "mentoring_meetings"`);
    await queryRunner.query(`DROP INDEX "public"."mentoring_check_ins_user_idx"`);
    await queryRunner.query(`DROP TABLE "mentoring_check_ins"`);
    await queryRunner.query(`DROP TABLE "mentoring_agreements"`);
  }
}
