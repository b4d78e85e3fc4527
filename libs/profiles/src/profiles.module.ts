import { Module } from '@nestjs/common';
import { IdentityModule } from '@mutuals/identity';
import { AdminMembersController } from './admin-members.controller';
import { ProfilesController } from './profiles.controller';
import { ProfilesService } from './profiles.service';
import { OrganisationsRepository } from './repositories/organisations.repository';
import { ProfilesRepository } from './repositories/profiles.repository';

@Module({
  imports: [IdentityModule],
  controllers: [ProfilesController, AdminMembersController],
  providers: [ProfilesService, ProfilesRepository, OrganisationsRepository],
  exports: [ProfilesService],
})
export class ProfilesModule {}
