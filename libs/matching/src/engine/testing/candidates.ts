// Candidate builders for the engine's specs: a plain mentee and mentor with nothing in common
// but the basics, so each test states only the fields it is about.
import type { MenteeCandidate, MentorCandidate } from '../types';

export function mentee(overrides: Partial<MenteeCandidate> = {}): MenteeCandidate {
  return {
    id: 'mentee-1',
    organisationId: 'aspiring-1',
    sectors: ['housing'],
    needs: ['business-planning'],
    stage: 'business-case',
    region: 'london',
    ...overrides,
  };
}

export function mentor(overrides: Partial<MentorCandidate> = {}): MentorCandidate {
  return {
    id: 'mentor-1',
    organisationId: 'mutual-1',
    sectors: ['fire-rescue'],
    expertise: ['marketing-brand'],
    stageReached: 'exploring',
    region: 'wales',
    capacity: 2,
    activeMentorships: 0,
    ...overrides,
  };
}
