import { MigrationInterface, QueryRunner } from 'typeorm';

export class SealSecrets1796230656694 implements MigrationInterface {
  name = 'SealSecrets1796230656694';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhooks" ADD "secret_sealed" text`);
    await queryRunner.query(`ALTER TABLE "webhooks" ADD "secret_key_id" character varying(32)`);
    await queryRunner.query(`ALTER TABLE "webhooks" ADD "secret_prefix" character varying(16) NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "webhooks" ALTER COLUMN "secret" DROP NOT NULL`);
    // The secrets themselves are sealed at the next start (WebhookSecrets): encryption needs the
    // operator's key, which SQL does not have. Until then they sign from the clear column.
    await queryRunner.query(`UPDATE "webhooks" SET "secret_prefix" = left("secret", 10)`);
    await queryRunner.query(
      `ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_secret_form" CHECK ((secret IS NULL) <> (secret_sealed IS NULL) AND (secret_sealed IS NULL) = (secret_key_id IS NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // A sealed secret cannot be opened in SQL: going back needs every hook's secret in clear.
    const [sealed] = await queryRunner.query(`SELECT count(*)::int AS n FROM "webhooks" WHERE "secret" IS NULL`);
    if (sealed.n > 0) throw new Error(`${sealed.n} webhook secrets are sealed; delete those hooks (or recreate them after) to go back`);
    await queryRunner.query(`ALTER TABLE "webhooks" DROP CONSTRAINT "webhooks_secret_form"`);
    await queryRunner.query(`ALTER TABLE "webhooks" ALTER COLUMN "secret" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "webhooks" DROP COLUMN "secret_prefix"`);
    await queryRunner.query(`ALTER TABLE "webhooks" DROP COLUMN "secret_key_id"`);
    await queryRunner.query(`ALTER TABLE "webhooks" DROP COLUMN "secret_sealed"`);
  }
}
