import type { PairRef } from './types';

const NONE: ReadonlySet<string> = new Set();

/** Pairs that must never be proposed again, such as declined requests and closed mentorships. */
export class PairSet {
  private readonly mentorsByMentee = new Map<string, Set<string>>();

  constructor(pairs: Iterable<PairRef> = []) {
    for (const { menteeId, mentorId } of pairs) {
      let mentors = this.mentorsByMentee.get(menteeId);
      if (!mentors) this.mentorsByMentee.set(menteeId, (mentors = new Set()));
      mentors.add(mentorId);
    }
  }

  static from(pairs: Iterable<PairRef> | undefined): PairSet {
    return pairs instanceof PairSet ? pairs : new PairSet(pairs);
  }

  has(menteeId: string, mentorId: string): boolean {
    return this.mentorsByMentee.get(menteeId)?.has(mentorId) ?? false;
  }

  mentorsFor(menteeId: string): ReadonlySet<string> {
    return this.mentorsByMentee.get(menteeId) ?? NONE;
  }

  *[Symbol.iterator](): Iterator<PairRef> {
    for (const [menteeId, mentors] of this.mentorsByMentee) {
      for (const mentorId of mentors) yield { menteeId, mentorId };
    }
  }
}
