import type { ProfilesErrorCode } from '@mutuals/contracts';
import { defineErrors } from '@mutuals/core';

export const ProfilesErrors = defineErrors<ProfilesErrorCode>({
  memberNotFound: 'not-found',
  organisationNotFound: 'not-found',
  notOrganisationMember: 'forbidden',
  invalidProfile: 'invalid',
  joinRequestNotFound: 'not-found',
  alreadyInOrganisation: 'conflict',
  joinRequestPending: 'conflict',
  joinRequestDecided: 'conflict',
  stageUnchanged: 'conflict',
  stageDateOutOfOrder: 'invalid',
});
