import { MigrationInterface, QueryRunner } from 'typeorm';

export class GoalResources1796198313950 implements MigrationInterface {
  name = 'GoalResources1796198313950';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "mentorship_goal_resources" ("goal_id" uuid NOT NULL, "resource_id" uuid NOT NULL, "linked_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4755ecce8abff414eabdf689f8f" PRIMARY KEY ("goal_id", "resource_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "mentorship_goal_resources_resource_idx" ON "mentorship_goal_resources"  ("resource_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."mentorship_goal_resources_resource_idx"`);
    await queryRunner.query(`DROP TABLE "mentorship_goal_resources"`);
  }
}
