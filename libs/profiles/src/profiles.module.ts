import { Module } from '@nestjs/common';
import { IdentityModule } from '@mutuals/identity';
import { AdminMembersController } from './admin-members.controller';
import { ProfilesController } from './profiles.controller';
import { ProfilesService } from './profiles.service';
import { ProfilesMemberDataRepository } from './repositories/member-data.repository';
import { ProfilesMemberDataService } from './profiles-member-data.service';
import { OrganisationsRepository } from './repositories/organisations.repository';
import { ProfilesRepository } from './repositories/profiles.repository';

@Module({
  imports: [IdentityModule],
  controllers: [ProfilesController, AdminMembersController],
  providers: [ProfilesService, ProfilesRepository, OrganisationsRepository, ProfilesMemberDataRepository, ProfilesMemberDataService],
  exports: [ProfilesService, ProfilesMemberDataService],
})
export class ProfilesModule {}
