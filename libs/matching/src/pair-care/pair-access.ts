import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isCoordinator, type AuthUser } from '@mutuals/identity';
import { MatchingErrors } from '../matching.errors';
import { PairCareRepository, type PairRow } from '../repositories/pair-care.repository';

export interface PairContext {
  pair: PairRow;
  side: 'mentor' | 'mentee';
  otherUserId: string;
}

/** The pair's own things (meetings, agreement, check-ins, edits) are theirs alone: coordinators 403, anyone else 404. */
@Injectable()
export class PairAccess {
  constructor(private readonly repository: PairCareRepository) {}

  async of(caller: AuthUser, mentorshipId: string, options: { active?: boolean; manager?: EntityManager } = {}): Promise<PairContext> {
    const pair = await this.repository.pair(mentorshipId, options.manager);
    const side = pair?.mentor_id === caller.id ? 'mentor' : pair?.mentee_id === caller.id ? 'mentee' : null;
    if (!pair || !side) {
      if (pair && isCoordinator(caller))
        throw MatchingErrors.pairOnly('Meetings, the agreement and check-ins belong to the mentor and mentee');
      throw MatchingErrors.mentorshipNotFound('No such mentorship');
    }
    if (options.active !== false && pair.status !== 'active') throw MatchingErrors.mentorshipClosed('This mentorship is closed');
    return { pair, side, otherUserId: side === 'mentor' ? pair.mentee_id : pair.mentor_id };
  }
}
