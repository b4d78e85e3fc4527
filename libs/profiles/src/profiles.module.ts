import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@mutuals/identity';
import { OrganisationEntity, OrganisationMemberEntity } from './entities/organisation.entity';
import { ProfileEntity } from './entities/profile.entity';
import { AdminMembersController } from './admin-members.controller';
import { ProfilesController } from './profiles.controller';
import { ProfilesService } from './profiles.service';
import { ProfilesMemberDataRepository } from './profiles-member-data.repository';
import { ProfilesMemberDataService } from './profiles-member-data.service';

@Module({
  imports: [IdentityModule, TypeOrmModule.forFeature([ProfileEntity, OrganisationEntity, OrganisationMemberEntity])],
  controllers: [ProfilesController, AdminMembersController],
  providers: [ProfilesService, ProfilesMemberDataRepository, ProfilesMemberDataService],
  exports: [ProfilesService, ProfilesMemberDataService],
})
export class ProfilesModule {}
