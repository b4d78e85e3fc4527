import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInstanceState1796190928014 implements MigrationInterface {
  name = 'CreateInstanceState1796190928014';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "instance_state" ("key" character varying(60) NOT NULL, "value" character varying(200) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_42a1a4aff794fcadfe6617ea3d2" PRIMARY KEY ("key"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "instance_state"`);
  }
}
