import { Module } from '@nestjs/common';
import { IdentityModule } from '@mutuals/identity';
import { AdminMembersController } from './admin-members.controller';
import { AdminOrganisationsController } from './admin-organisations.controller';
import { OrganisationJoinsController } from './organisation-joins.controller';
import { OrganisationJoinsRepository } from './organisation-joins.repository';
import { OrganisationJoinsService } from './organisation-joins.service';
import { ProfilesController } from './profiles.controller';
import { ProfilesService } from './profiles.service';
import { ProfilesMemberDataRepository } from './repositories/member-data.repository';
import { ProfilesMemberDataService } from './profiles-member-data.service';
import { OrganisationsRepository } from './repositories/organisations.repository';
import { ProfilesRepository } from './repositories/profiles.repository';

@Module({
  imports: [IdentityModule],
  controllers: [ProfilesController, OrganisationJoinsController, AdminMembersController, AdminOrganisationsController],
  providers: [
    ProfilesService,
    ProfilesRepository,
    OrganisationsRepository,
    OrganisationJoinsService,
    OrganisationJoinsRepository,
    ProfilesMemberDataRepository,
    ProfilesMemberDataService,
  ],
  exports: [ProfilesService, ProfilesMemberDataService],
})
export class ProfilesModule {}
