import type { Factor } from './weights';

// Candidates carry taxonomy slugs (see libs/profiles/src/taxonomy). Ids are user ids: a mentee
// and a mentor with the same id are the same person.

export interface MenteeCandidate {
  id: string;
  organisationId: string | null;
  sectors: string[];
  needs: string[];
  stage: string;
  region: string | null;
}

export interface MentorCandidate {
  id: string;
  organisationId: string | null;
  sectors: string[];
  expertise: string[];
  /** The furthest journey stage the mentor's mutual has reached. */
  stageReached: string;
  region: string | null;
  capacity: number;
  activeMentorships: number;
}

export interface ScoreReason {
  factor: Factor;
  label: string;
  /** Whole points; the reasons of a score add up to it exactly. */
  points: number;
}

export interface PairScore {
  menteeId: string;
  mentorId: string;
  /** 0 to 100, a whole number. */
  score: number;
  reasons: ScoreReason[];
  /** Slugs of the mentee's needs the mentor does not offer. */
  uncoveredNeeds: string[];
}

export interface PairRef {
  menteeId: string;
  mentorId: string;
}
