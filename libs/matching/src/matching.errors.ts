import type { MatchingErrorCode } from '@mutuals/contracts';
import { defineErrors } from '@mutuals/core';

export const MatchingErrors = defineErrors<MatchingErrorCode>({
  requestNotFound: 'not-found',
  mentorshipNotFound: 'not-found',
  goalNotFound: 'not-found',
  roundNotFound: 'not-found',
  notAMentor: 'invalid',
  cannotRequestSelf: 'invalid',
  invalidRound: 'invalid',
  invalidSession: 'invalid',
  duplicateRequest: 'conflict',
  alreadyMentored: 'conflict',
  tooManyOpenRequests: 'conflict',
  capacityFull: 'conflict',
  requestNotPending: 'conflict',
  mentorshipClosed: 'conflict',
  fitCheckTooEarly: 'conflict',
  tooManyGoals: 'conflict',
  roundAlreadyApplied: 'conflict',
  menteeOnly: 'forbidden',
  mentorOnly: 'forbidden',
  pairOnly: 'forbidden',
});
