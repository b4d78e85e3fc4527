import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFiles1796190989512 implements MigrationInterface {
  name = 'CreateFiles1796190989512';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "files" ("id" uuid NOT NULL, "owner_id" uuid NOT NULL, "purpose" character varying(16) NOT NULL, "content_type" character varying(100) NOT NULL, "name" character varying(255) NOT NULL, "size" integer NOT NULL, "sha256" character(64) NOT NULL, "width" integer, "height" integer, "alt" character varying(300) NOT NULL DEFAULT '', "attached_kind" character varying(32), "attached_id" uuid, "storage" character varying(8) NOT NULL, "data" bytea, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6c16b9093a142e0e7613b04a3d9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "files_attached_idx" ON "files"  ("attached_kind", "attached_id") `);
    await queryRunner.query(`CREATE INDEX "files_owner_idx" ON "files"  ("owner_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "resources" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(160) NOT NULL, "summary" text NOT NULL, "support_area" character varying(64) NOT NULL, "stage" character varying(64) NOT NULL, "file_id" uuid NOT NULL, "author_id" uuid NOT NULL, "download_count" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "search" tsvector NOT NULL, CONSTRAINT "PK_632484ab9dff41bba94f9b7c85e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "resources_area_stage_idx" ON "resources"  ("support_area", "stage") `);
    await queryRunner.query(`CREATE INDEX "resources_created_idx" ON "resources"  ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "resources_search_idx" ON "resources" USING GIN ("search")`);
    await queryRunner.query(
      `ALTER TABLE "resources" ADD CONSTRAINT "FK_ab136c93cdf3363636373297dd7" FOREIGN KEY ("file_id") REFERENCES "files"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "resources" DROP CONSTRAINT "FK_ab136c93cdf3363636373297dd7"`);
    await queryRunner.query(`DROP INDEX "public"."resources_search_idx"`);
    await queryRunner.query(`DROP INDEX "public"."resources_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."resources_area_stage_idx"`);
    await queryRunner.query(`DROP TABLE "resources"`);
    await queryRunner.query(`DROP INDEX "public"."files_owner_idx"`);
    await queryRunner.query(`DROP INDEX "public"."files_attached_idx"`);
    await queryRunner.query(`DROP TABLE "files"`);
  }
}
