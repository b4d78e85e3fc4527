import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * chat_append_message without its EXCEPTION block. The block made every append a subtransaction,
 * and a group-commit transaction appends up to 256 messages: past 64 subtransactions Postgres
 * stops caching them in the backend's proc entry, and every concurrent snapshot has to look them
 * up in pg_subtrans. Now the conversation's row is locked first (FOR UPDATE), and every message of
 * a conversation is inserted under that lock, so a repeated clientId is found by a plain lookup
 * before the seq moves: no row is answered and nothing is written, as before. The unique
 * constraint stays as the backstop. The generator's other lines were the CHECK and foreign key
 * constraints that no entity declares; they are not touched.
 */
export class ChatAppendWithoutSubtransaction1796232505258 implements MigrationInterface {
  name = 'ChatAppendWithoutSubtransaction1796232505258';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION chat_append_message(p_conversation uuid, p_sender uuid, p_client uuid, p_body text, p_body_html text)
      RETURNS SETOF messages LANGUAGE plpgsql AS $$
      DECLARE
        v_seq integer;
      BEGIN
        SELECT c.last_seq + 1 INTO v_seq FROM conversations c
        WHERE c.id = p_conversation AND EXISTS (
          SELECT 1 FROM conversation_members cm WHERE cm.conversation_id = c.id AND cm.user_id = p_sender AND cm.left_at IS NULL)
        FOR UPDATE OF c;
        IF v_seq IS NULL THEN
          RETURN;
        END IF;
        IF EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = p_conversation AND m.sender_id = p_sender AND m.client_id = p_client) THEN
          RETURN;
        END IF;
        UPDATE conversations c SET last_seq = v_seq, last_message_at = now() WHERE c.id = p_conversation;
        RETURN QUERY INSERT INTO messages (conversation_id, seq, sender_id, client_id, body, body_html)
          VALUES (p_conversation, v_seq, p_sender, p_client, p_body, p_body_html) RETURNING *;
      END
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION chat_append_message(p_conversation uuid, p_sender uuid, p_client uuid, p_body text, p_body_html text)
      RETURNS SETOF messages LANGUAGE plpgsql AS $$
      DECLARE
        v_seq integer;
        v_constraint text;
      BEGIN
        UPDATE conversations c SET last_seq = c.last_seq + 1, last_message_at = now()
        WHERE c.id = p_conversation AND EXISTS (
          SELECT 1 FROM conversation_members cm WHERE cm.conversation_id = c.id AND cm.user_id = p_sender AND cm.left_at IS NULL)
        RETURNING c.last_seq INTO v_seq;
        IF v_seq IS NULL THEN
          RETURN;
        END IF;
        RETURN QUERY INSERT INTO messages (conversation_id, seq, sender_id, client_id, body, body_html)
          VALUES (p_conversation, v_seq, p_sender, p_client, p_body, p_body_html) RETURNING *;
      EXCEPTION WHEN unique_violation THEN
        GET STACKED DIAGNOSTICS v_constraint = CONSTRAINT_NAME;
        IF v_constraint <> 'messages_client_id_uq' THEN
          RAISE;
        END IF;
        RETURN;
      END
      $$`);
  }
}
