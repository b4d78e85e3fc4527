import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StoredFileEntity } from './stored-file.entity';

/** A guide or template in the resource library, tagged by support area and journey stage. */
@Entity('resources')
@Index('resources_created_idx', ['createdAt', 'id'])
@Index('resources_area_stage_idx', ['supportArea', 'stage'])
export class ResourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 160 })
  title!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'varchar', length: 64 })
  supportArea!: string;

  @Column({ type: 'varchar', length: 64 })
  stage!: string;

  @Column({ type: 'uuid' })
  fileId!: string;

  @ManyToOne(() => StoredFileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'file_id' })
  file?: StoredFileEntity;

  @Column({ type: 'uuid' })
  authorId!: string;

  @Column({ type: 'int', default: 0 })
  downloadCount!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** Title (weight A) and summary (weight B), set with them by the repository. GIN index in the migration. */
  @Column({ type: 'tsvector', select: false })
  search!: string;
}
