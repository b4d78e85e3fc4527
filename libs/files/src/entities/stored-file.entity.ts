import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One uploaded file. Its bytes live in `data` (Postgres storage, the default) or in the S3
 * bucket under its id. Until `attached_kind` is set it is a draft that only its owner sees.
 */
@Entity('files')
@Index('files_owner_idx', ['ownerId', 'createdAt'])
@Index('files_attached_idx', ['attachedKind', 'attachedId'])
export class StoredFileEntity {
  /** Made by the service, so that the S3 key is known before the row is written. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'uuid' })
  ownerId!: string;

  /** avatar, logo, attachment or resource: it chose the limit and the processing. */
  @Column({ type: 'varchar', length: 16 })
  purpose!: string;

  /** Detected from the bytes. */
  @Column({ type: 'varchar', length: 100 })
  contentType!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'int' })
  size!: number;

  /** Hex SHA-256 of the stored bytes: the URL's last segment and the ETag. */
  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'int', nullable: true })
  width!: number | null;

  @Column({ type: 'int', nullable: true })
  height!: number | null;

  @Column({ type: 'varchar', length: 300, default: '' })
  alt!: string;

  /** What the file belongs to: forum-post, chat-message, avatar, logo, resource; null while a draft. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  attachedKind!: string | null;

  @Column({ type: 'uuid', nullable: true })
  attachedId!: string | null;

  /** postgres or s3: where the bytes are. */
  @Column({ type: 'varchar', length: 8 })
  storage!: string;

  @Column({ type: 'bytea', nullable: true, select: false })
  data!: Buffer | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
