import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The guarded counter behind "capacity full": accepting a request increments `active` with
 * `WHERE active < capacity` inside the accepting transaction, so concurrent accepts can never
 * take a mentor past capacity (DESIGN.md, Matching). Capacity is copied from the profile on accept.
 */
@Entity('mentor_load')
@Check('mentor_load_within_capacity', 'active >= 0 AND active <= capacity')
export class MentorLoadEntity {
  @PrimaryColumn({ type: 'uuid' })
  mentorId!: string;

  @Column({ type: 'int' })
  capacity!: number;

  @Column({ type: 'int', default: 0 })
  active!: number;
}
