import { defineErrors } from '@mutuals/core';

export const ProfilesErrors = defineErrors({
  memberNotFound: 'not-found',
  organisationNotFound: 'not-found',
  notOrganisationMember: 'forbidden',
  invalidProfile: 'invalid',
  joinRequestNotFound: 'not-found',
  alreadyInOrganisation: 'conflict',
  joinRequestPending: 'conflict',
  joinRequestDecided: 'conflict',
});
