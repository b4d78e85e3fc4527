import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appending a message in one statement (one round trip, no BEGIN/COMMIT): the UPDATE takes the
 * conversation's row lock and the next seq, the INSERT stores the message with it. A repeated
 * clientId raises unique_violation inside the block, whose implicit savepoint undoes the seq bump,
 * so a retry never leaves a gap; it answers no row and the caller fetches the original.
 * No row either when the sender is not a current member.
 */
export class ChatAppendMessage1796124697908 implements MigrationInterface {
  name = 'ChatAppendMessage1796124697908';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION chat_append_message(p_conversation uuid, p_sender uuid, p_client uuid, p_body text, p_body_html text)
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

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION chat_append_message(uuid, uuid, uuid, text, text)`);
  }
}
