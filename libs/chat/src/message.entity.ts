import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

@Entity('messages')
@Unique('messages_conversation_seq_uq', ['conversationId', 'seq'])
@Unique('messages_client_id_uq', ['conversationId', 'senderId', 'clientId'])
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  conversationId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'uuid' })
  senderId!: string;

  /** The sender's own id for the send: a retry with the same one returns the stored message. */
  @Column({ type: 'uuid' })
  clientId!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text' })
  bodyHtml!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
