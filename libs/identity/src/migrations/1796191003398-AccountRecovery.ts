import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountRecovery1796191003398 implements MigrationInterface {
  name = 'AccountRecovery1796191003398';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "account_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" character varying(24) NOT NULL, "token_hash" character(64) NOT NULL, "new_email" character varying(320), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5e3640c493cc6206a44b885e6a9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "account_tokens_token_hash_key" ON "account_tokens"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "account_tokens_user_purpose_idx" ON "account_tokens"  ("user_id", "purpose") `);
    await queryRunner.query(
      `CREATE TABLE "external_identities" ("provider" character varying(40) NOT NULL, "subject" character varying(255) NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_32f879b07aa49ed6a176257ee1e" PRIMARY KEY ("provider", "subject"))`,
    );
    await queryRunner.query(`CREATE INDEX "external_identities_user_idx" ON "external_identities"  ("user_id") `);
    await queryRunner.query(`ALTER TABLE "users" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "account_tokens" ADD CONSTRAINT "FK_1b5fea09efc20c7f63c4a09b3d6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "external_identities" ADD CONSTRAINT "FK_8320cffd2d6ca86003e23981668" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "external_identities" DROP CONSTRAINT "FK_8320cffd2d6ca86003e23981668"`);
    await queryRunner.query(`ALTER TABLE "account_tokens" DROP CONSTRAINT "FK_1b5fea09efc20c7f63c4a09b3d6"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email_verified_at"`);
    await queryRunner.query(`DROP INDEX "public"."external_identities_user_idx"`);
    await queryRunner.query(`DROP TABLE "external_identities"`);
    await queryRunner.query(`DROP INDEX "public"."account_tokens_user_purpose_idx"`);
    await queryRunner.query(`DROP INDEX "public"."account_tokens_token_hash_key"`);
    await queryRunner.query(`DROP TABLE "account_tokens"`);
  }
}
