import { defineErrors } from '@mutuals/core';

export const ProfilesErrors = defineErrors({
  memberNotFound: 'not-found',
  organisationNotFound: 'not-found',
  notOrganisationMember: 'forbidden',
  invalidProfile: 'invalid',
});
