import { Module } from '@nestjs/common';
import { IdentityModule } from '@mutuals/identity';
import { AdminMembersController } from './admin-members.controller';
import { OrganisationJoinsController } from './organisation-joins.controller';
import { OrganisationJoinsRepository } from './organisation-joins.repository';
import { OrganisationJoinsService } from './organisation-joins.service';
import { ProfilesController } from './profiles.controller';
import { ProfilesService } from './profiles.service';
import { OrganisationsRepository } from './repositories/organisations.repository';
import { ProfilesRepository } from './repositories/profiles.repository';

@Module({
  imports: [IdentityModule],
  controllers: [ProfilesController, OrganisationJoinsController, AdminMembersController],
  providers: [ProfilesService, ProfilesRepository, OrganisationsRepository, OrganisationJoinsService, OrganisationJoinsRepository],
  exports: [ProfilesService],
})
export class ProfilesModule {}
